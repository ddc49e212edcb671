package io.dicomfind.cli;

import java.io.IOException;

/** The XML and JSON outputs ({@code -Xx}, {@code -Xs}, {@code -J}). */
final class Outputs {
    private Outputs() {
    }

    static ResponseOutput open(FindscuOptions options) throws IOException {
        throw new IOException(options.extract + " output is not available yet");
    }
}
