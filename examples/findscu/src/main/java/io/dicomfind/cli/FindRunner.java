package io.dicomfind.cli;

/** Placeholder; replaced in step 2. */
final class FindRunner {
    private final FindscuOptions options;
    private final CliLog log;

    FindRunner(FindscuOptions options, CliLog log) {
        this.options = options;
        this.log = log;
    }

    int run() {
        log.error("not implemented yet: " + options.peer);
        return ExitCodes.ASSOCIATION;
    }
}
