package io.dicomfind.cli;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An slf4j 2 backend that sends the DICOM core's log messages to {@link CliLog}, so that {@code -d} shows the
 * network layer's debug lines as {@code D: ...} like DCMTK's, and {@code -q} silences its warnings. Registered in
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}.
 */
public final class CliSlf4jProvider implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory factory = CliLogger::new;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing: CliLog.current() is consulted on every call
    }

    /** One named logger; the name is not printed (DCMTK does not print module names either). */
    static final class CliLogger extends LegacyAbstractLogger implements Logger {
        private static final long serialVersionUID = 1L;

        CliLogger(String name) {
            this.name = name;
        }

        private static boolean on(LogLevel l) {
            return CliLog.current().isEnabled(l);
        }

        @Override
        public boolean isTraceEnabled() {
            return on(LogLevel.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(LogLevel.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            // library INFO messages are details for findscu's user: shown from -d on, so that -v stays like DCMTK's
            return on(LogLevel.DEBUG);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(LogLevel.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(LogLevel.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable t) {
            String msg = MessageFormatter.basicArrayFormat(pattern, args);
            if (t != null) {
                msg = msg + ": " + t;
            }
            LogLevel l = switch (level) {
                case TRACE -> LogLevel.TRACE;
                case DEBUG, INFO -> LogLevel.DEBUG;
                case WARN -> LogLevel.WARN;
                case ERROR -> LogLevel.ERROR;
            };
            CliLog.current().log(l, msg);
        }
    }
}
