package io.dicomfind.cli;

/** A command line error: printed as findscu does ({@code error: ...} after the header) and exit code 1. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
