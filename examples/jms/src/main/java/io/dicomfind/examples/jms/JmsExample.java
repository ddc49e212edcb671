package io.dicomfind.examples.jms;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The JMS example ({@link JmsRoutes}) with its own ActiveMQ Artemis broker ({@link EmbeddedBroker}, unless
 * {@code broker.embedded=false}). The JMS connection factory is configured in {@code application.properties}.
 */
public final class JmsExample {
    private JmsExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    /** The application as {@link #main} runs it, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new JmsRoutes());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{broker.embedded}}"))) {
                    try {
                        // a service of the context: started before the routes, stopped after them
                        context.addService(new EmbeddedBroker(
                                context.resolvePropertyPlaceholders("{{broker.acceptors}}")), true, true);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start the embedded Artemis broker", e);
                    }
                }
            }
        });
        return main;
    }
}
