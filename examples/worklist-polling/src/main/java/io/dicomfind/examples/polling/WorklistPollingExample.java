package io.dicomfind.examples.polling;

import io.dicomfind.examples.jms.EmbeddedBroker;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The worklist polling example with the Java DSL route ({@link WorklistPollingRoutes}) and an embedded Artemis broker
 * (unless {@code broker.embedded=false}); runs until Ctrl-C, or {@code -Dcamel.main.durationMaxSeconds=60}.
 */
public final class WorklistPollingExample {
    private WorklistPollingExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    /** The application as {@link #main} runs it, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new WorklistPollingRoutes());
        withBroker(main);
        return main;
    }

    /** Starts the embedded broker with the CamelContext when {@code broker.embedded} is true. */
    static void withBroker(Main main) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{broker.embedded}}"))) {
                    try {
                        context.addService(new EmbeddedBroker(
                                context.resolvePropertyPlaceholders("{{broker.acceptors}}")), true, true);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start the embedded Artemis broker", e);
                    }
                }
            }
        });
    }
}
