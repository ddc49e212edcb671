package io.dicomfind.cli;

import java.util.Locale;

/** DCMTK's (oflog's) log levels, lowest first, with the one-letter prefix findscu puts before each line. */
enum LogLevel {
    TRACE("T"), DEBUG("D"), INFO("I"), WARN("W"), ERROR("E"), FATAL("F"), OFF("");

    private final String prefix;

    LogLevel(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The name as findscu's {@code --log-level} spells it. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses one of {@code fatal, error, warn, info, debug, trace} (and log4cplus's OFF/ALL/WARNING); null if none. */
    static LogLevel parse(String s) {
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "ALL" -> TRACE;
            case "DEBUG" -> DEBUG;
            case "INFO" -> INFO;
            case "WARN", "WARNING" -> WARN;
            case "ERROR" -> ERROR;
            case "FATAL" -> FATAL;
            case "OFF" -> OFF;
            default -> null;
        };
    }
}
