package io.dicomfind.examples.polling;

import org.apache.camel.main.Main;

/**
 * The worklist polling example with the route of {@code routes/worklist-polling.camel.yaml} (YAML DSL), same settings
 * and broker.
 */
public final class WorklistPollingYamlExample {
    static final String ROUTES = "classpath:routes/worklist-polling.camel.yaml";

    private WorklistPollingYamlExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    public static Main newMain() {
        Main main = new Main();
        main.addOverrideProperty("camel.main.routesIncludePattern", ROUTES);
        WorklistPollingExample.withBroker(main);
        return main;
    }
}
