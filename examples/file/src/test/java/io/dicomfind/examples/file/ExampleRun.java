package io.dicomfind.examples.file;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs an example's Camel Main as a user would ({@code main.run()}, blocking until the application ends by itself),
 * with some properties overridden, and records every line its routes log (the Camel log EIP, after formatting).
 */
final class ExampleRun {
    /** A line a route logged: logger name, level and message. */
    record Line(String logger, String level, String message) {
    }

    private ExampleRun() {
    }

    static List<Line> run(Main main, Map<String, String> properties) throws Exception {
        List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        // a safety net only: the examples end by themselves long before
        main.addOverrideProperty("camel.main.durationMaxSeconds", "60");
        properties.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                m.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
                    lines.add(new Line(logger.getLog().getName(), logger.getLevel().name(), message));
                    return message;
                });
            }
        });
        main.run();
        return new ArrayList<>(lines);
    }

    static List<String> messages(List<Line> lines, String level) {
        return lines.stream().filter(l -> l.level().equals(level)).map(Line::message).toList();
    }
}
