package io.dicomfind.examples.log;

import org.apache.camel.main.Main;

/**
 * The log example with Java DSL routes ({@link LogRoutes}); settings in {@code application.properties}, each of which
 * can be overridden as a Java system property ({@code -Ddicom.port=4242}) or as an environment variable
 * ({@code DICOM_PORT=4242}).
 */
public final class LogExample {
    private LogExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    /** The application as {@link #main} runs it, not yet started (tests add properties, then run it). */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new LogRoutes());
        return main;
    }
}
