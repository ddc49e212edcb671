package io.dicomfind.examples.log;

import org.apache.camel.main.Main;

/**
 * The log example with the routes of {@code routes/log-worklist.camel.yaml} (YAML DSL, no Java), same settings. The
 * YAML file also runs on its own under Camel JBang:
 * {@code camel run log-worklist.camel.yaml application.properties --dep=io.dicomfind:camel-dicom-find:VERSION}.
 */
public final class LogYamlExample {
    static final String ROUTES = "classpath:routes/log-worklist.camel.yaml";

    private LogYamlExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    public static Main newMain() {
        Main main = new Main();
        main.addOverrideProperty("camel.main.routesIncludePattern", ROUTES);
        return main;
    }
}
