package io.dicomfind.examples.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * For the examples' tests: runs an example's Camel Main as a user would ({@code main.run()}, blocking until the application ends by itself),
 * with some properties overridden, and records every line its routes log (the Camel log EIP, after formatting) with
 * the exchange it was logged for.
 */
public final class ExampleRun {
    /** A line a route logged: logger name, level, message, and the route, headers and body of the exchange. */
    public record Line(String logger, String level, String message, String routeId, Map<String, Object> headers,
            Object body) {
    }

    private ExampleRun() {
    }

    public static List<Line> run(Main main, Map<String, String> properties) throws Exception {
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        // a safety net only: the examples end by themselves long before
        main.addOverrideProperty("camel.main.durationMaxSeconds", "60");
        properties.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                m.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
                    lines.add(new Line(logger.getLog().getName(), logger.getLevel().name(), message,
                            exchange.getFromRouteId(), Map.copyOf(exchange.getMessage().getHeaders().entrySet()
                                    .stream().filter(h -> h.getValue() != null)
                                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                            Map.Entry::getValue))),
                            exchange.getMessage().getBody()));
                    return message;
                });
            }
        });
        main.run();
        return new ArrayList<>(lines);
    }

    public static List<String> messages(List<Line> lines, String level) {
        return lines.stream().filter(l -> l.level().equals(level)).map(Line::message).toList();
    }
}
