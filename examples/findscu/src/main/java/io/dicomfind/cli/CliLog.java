package io.dicomfind.cli;

import io.dicomfind.dicom.data.SafeText;
import io.dicomfind.dicom.io.DumpLineSink;
import java.io.PrintStream;

/**
 * findscu's log output: each line prefixed with the level letter as DCMTK's oflog prints it ({@code I: ...},
 * {@code E: ...}), every line of a multi-line message prefixed, written to standard error. A tiny logger of our own
 * rather than an slf4j backend, because the exact line shape is part of findscu's interface (scripts parse it);
 * library logging (slf4j) is routed here by {@link CliSlf4jProvider}. Lines are buffered ({@link LogOutput}):
 * {@link #flush()} before anything else is written to the same stream and at the end of a run.
 */
final class CliLog {
    private static volatile CliLog current = new CliLog(LogOutput.unbuffered(System.err), LogLevel.WARN);

    private final LogOutput out;
    private final LogLevel threshold;
    /** "I: ", "W: ", ... by {@link LogLevel#ordinal()}. */
    private static final String[] PREFIXES = new String[LogLevel.values().length];

    static {
        for (LogLevel l : LogLevel.values()) {
            PREFIXES[l.ordinal()] = l.prefix() + ": ";
        }
    }

    CliLog(PrintStream out, LogLevel threshold) {
        this(LogOutput.to(out), threshold);
    }

    CliLog(LogOutput out, LogLevel threshold) {
        this.out = out;
        this.threshold = threshold;
    }

    /** The log that library messages (slf4j) go to. */
    static CliLog current() {
        return current;
    }

    static void install(CliLog log) {
        CliLog previous = current;
        current = log;
        previous.flush();
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
        // a line per "\n" (a "\r" before it dropped), then the rest unless the message ended with a "\n"
        String prefix = PREFIXES[level.ordinal()];
        int start = 0;
        for (int nl = message.indexOf('\n'); nl >= 0; nl = message.indexOf('\n', start)) {
            int end = nl > start && message.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            line(prefix, message, start, end);
            start = nl + 1;
        }
        if (start < message.length() || start == 0) {
            line(prefix, message, start, message.length());
        }
    }

    /** The last line of defence: whatever a message quotes, no control character reaches the terminal. */
    private void line(String prefix, String message, int from, int to) {
        String text = message.substring(from, to);
        String safe = SafeText.escapeControls(text);
        out.line(prefix, safe, 0, safe.length());
    }

    /**
     * The sink a dump is written to ({@link io.dicomfind.dicom.io.DumpWriter}): each line one log event at
     * {@code level}, regardless of the threshold (findscu's response output). The lines are escaped already; they
     * go to the same buffered {@link LogOutput} as every other message, so they keep their order with them.
     */
    Lines lines(LogLevel level) {
        return new Lines(PREFIXES[level.ordinal()]);
    }

    /** The lines of one dump, see {@link #lines(LogLevel)}. */
    final class Lines implements DumpLineSink {
        private final String prefix;

        private Lines(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void line(CharSequence line) {
            out.line(prefix, line, 0, line.length());
        }

        /** Nothing to do: the log's own buffer keeps the order (kept for the listing's callers). */
        void flush() {
        }
    }

    /** Writes out the buffered lines. */
    void flush() {
        out.flush();
    }

    /** Writes out the buffered lines and stops buffering (see {@link LogOutput#close()}). */
    void close() {
        out.close();
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
