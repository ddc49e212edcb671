package io.dicomfind.cli;

import io.dicomfind.dicom.io.DumpLineSink;
import io.dicomfind.dicom.data.SafeText;
import java.io.PrintStream;

/**
 * findscu's log output: each line prefixed with the level letter as DCMTK's oflog prints it ({@code I: ...},
 * {@code E: ...}), every line of a multi-line message prefixed, written to standard error. A tiny logger of our own
 * rather than an slf4j backend, because the exact line shape is part of findscu's interface (scripts parse it);
 * library logging (slf4j) is routed here by {@link CliSlf4jProvider}.
 */
final class CliLog {
    private static volatile CliLog current = new CliLog(System.err, LogLevel.WARN);

    private final PrintStream out;
    private final LogLevel threshold;

    CliLog(PrintStream out, LogLevel threshold) {
        this.out = out;
        this.threshold = threshold;
    }

    /** The log that library messages (slf4j) go to. */
    static CliLog current() {
        return current;
    }

    static void install(CliLog log) {
        current = log;
    }

    LogLevel threshold() {
        return threshold;
    }

    boolean isEnabled(LogLevel level) {
        return level != LogLevel.OFF && level.compareTo(threshold) >= 0;
    }

    void log(LogLevel level, String message) {
        if (isEnabled(level)) {
            write(level, message);
        }
    }

    /** Writes regardless of the threshold: findscu's response output, forced by {@code +sr} or its default. */
    void write(LogLevel level, String message) {
        String[] lines = message.split("\r?\n", -1);
        int n = lines.length > 1 && message.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // the last line of defence: whatever a message quotes, no control character reaches the terminal
            sb.append(level.prefix()).append(": ").append(SafeText.escapeControls(lines[i]))
                    .append(System.lineSeparator());
        }
        synchronized (out) {
            out.print(sb);
            out.flush();
        }
    }

    /**
     * The sink a dump is written to ({@link io.dicomfind.dicom.io.DumpWriter}): each line one log event at
     * {@code level}, regardless of the threshold (findscu's response output). The lines are escaped already. They
     * are written in chunks of about 8 KiB, one write each, not one per line; {@link Lines#flush()} writes the rest
     * and must be called before anything else is logged.
     */
    Lines lines(LogLevel level) {
        return new Lines(level.prefix() + ": ");
    }

    /** The lines of one dump, see {@link #lines(LogLevel)}. */
    final class Lines implements DumpLineSink {
        private static final int CHUNK = 8192;
        private final String prefix;
        private final String eol = System.lineSeparator();
        private final StringBuilder buffer = new StringBuilder(CHUNK + 256);

        private Lines(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void line(CharSequence line) {
            buffer.append(prefix).append(line).append(eol);
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (buffer.length() > 0) {
                synchronized (out) {
                    out.append(buffer);
                    out.flush();
                }
                buffer.setLength(0);
            }
        }
    }

    void fatal(String m) {
        log(LogLevel.FATAL, m);
    }

    void error(String m) {
        log(LogLevel.ERROR, m);
    }

    void warn(String m) {
        log(LogLevel.WARN, m);
    }

    void info(String m) {
        log(LogLevel.INFO, m);
    }

    void debug(String m) {
        log(LogLevel.DEBUG, m);
    }

    void trace(String m) {
        log(LogLevel.TRACE, m);
    }
}
