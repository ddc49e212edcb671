package io.dicomfind.examples.file;

import org.apache.camel.main.Main;

/**
 * The file example ({@link FileRoutes}): watches {@code queries.dir} for query files and writes the responses to
 * {@code output.dir} until stopped (Ctrl-C). Settings in {@code application.properties}; override them on the command
 * Java system property ({@code -Ddicom.port=4242}) or in the environment ({@code DICOM_PORT=4242}).
 */
public final class FileExample {
    private FileExample() {
    }

    public static void main(String... args) throws Exception {
        newMain().run(args);
    }

    /** The application as {@link #main} runs it, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new FileRoutes());
        return main;
    }
}
