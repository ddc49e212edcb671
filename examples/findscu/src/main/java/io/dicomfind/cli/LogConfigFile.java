package io.dicomfind.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code -lc}: DCMTK reads a log4cplus configuration (appenders, layouts, per-module levels). We honour only the
 * level of its root logger ({@code log4cplus.rootLogger = LEVEL, appender...}); output always goes to standard error
 * in findscu's {@code X: message} layout. The run says so with a warning when the file configures more than that.
 */
final class LogConfigFile {
    private LogConfigFile() {
    }

    record Result(LogLevel level, boolean ignoredSettings) {
    }

    static Result read(Path file) throws UsageException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read --log-config file " + file + ": " + e.getMessage());
        }
        String root = p.getProperty("log4cplus.rootLogger");
        LogLevel level = LogLevel.WARN;
        if (root != null && !root.isBlank()) {
            String first = root.split(",", 2)[0].trim();
            if (!first.isEmpty()) {
                level = LogLevel.parse(first);
                if (level == null) {
                    throw new UsageException("--log-config file " + file + ": log4cplus.rootLogger level '" + first
                            + "' is not one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL");
                }
            }
        }
        boolean more = p.stringPropertyNames().stream().anyMatch(k -> !k.equals("log4cplus.rootLogger"));
        return new Result(level, more);
    }
}
