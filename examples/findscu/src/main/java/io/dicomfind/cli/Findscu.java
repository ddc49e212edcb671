package io.dicomfind.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code findscu}: a DICOM C-FIND SCU with DCMTK findscu's command line, built on the io.dicomfind DICOM core.
 * {@link #main} exits with the code of {@link #run}; see {@link ExitCodes}.
 */
public final class Findscu {
    private Findscu() {
    }

    public static void main(String[] args) {
        // The command line logs through its own slf4j provider (also listed in META-INF/services): naming it spares
        // slf4j a service look-up through the class path, a tenth of a short run's start-up. A user's own setting
        // wins; slf4j's note that it loaded the named provider is not for findscu's output.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", CliSlf4jProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        // the log goes to standard error's file descriptor, buffered (LogOutput); usage errors still to System.err
        int code = run(Arrays.asList(args), System.out, System.err, LogOutput.standardError());
        CliLog.current().flush();
        System.exit(code);
    }

    /** Runs one invocation; output as findscu's: help and version on {@code out}, everything else on {@code err}. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, LogOutput.to(err));
    }

    /** The same, with the log written to {@code logOutput} (the same stream as {@code err}), flushed at the end. */
    static int run(List<String> args, PrintStream out, PrintStream err, LogOutput logOutput) {
        FindscuOptions options;
        try {
            options = CommandLineParser.parse(args);
        } catch (UsageException e) {
            return usageError(err, e.getMessage());
        }
        switch (options.action) {
            case HELP -> {
                HelpPrinter.print(out);
                return ExitCodes.OK;
            }
            case VERSION -> {
                VersionInfo.print(out);
                return ExitCodes.OK;
            }
            default -> {
                // continue below
            }
        }
        LogLevel level = options.logLevel;
        boolean ignoredLogSettings = false;
        if (options.logConfig != null) {
            try {
                LogConfigFile.Result r = LogConfigFile.read(options.logConfig);
                level = r.level();
                ignoredLogSettings = r.ignoredSettings();
            } catch (UsageException e) {
                return usageError(err, e.getMessage());
            }
        }
        CliLog log = new CliLog(logOutput, level);
        CliLog.install(log);
        try {
            return run(options, log, ignoredLogSettings, out);
        } finally {
            log.close();
        }
    }

    private static int run(FindscuOptions options, CliLog log, boolean ignoredLogSettings, PrintStream out) {
        if (ignoredLogSettings) {
            log.warn("--log-config: only the level of log4cplus.rootLogger is honoured; appenders, layouts and"
                    + " per-logger settings in " + options.logConfig + " are ignored");
        }
        if (options.printArguments) {
            printArguments(log, options.expandedArguments);
        }
        if (options.action == FindscuOptions.Action.LIST_CIPHERS) {
            log.flush();
            CliTls.listCiphers(out);
            return 0;
        }
        io.dicomfind.dicom.net.tls.DicomTls tls = null;
        if (options.tls.enabled()) {
            try {
                tls = CliTls.create(options.tls, options.acseTimeoutSeconds, log);
            } catch (io.dicomfind.dicom.net.tls.TlsSetupException | IllegalArgumentException e) {
                log.fatal(e.getMessage());
                return ExitCodes.COMMAND_LINE;
            }
        }
        return new FindRunner(options, log, tls).run();
    }

    static int usageError(PrintStream err, String message) {
        CliLog.current().flush();
        err.println(VersionInfo.header());
        err.println("error: " + message);
        err.flush();
        return ExitCodes.COMMAND_LINE;
    }

    /** {@code --arguments}, as DCMTK prints it: options by their long names, all arguments quoted. */
    private static void printArguments(CliLog log, List<String> args) {
        StringBuilder sb = new StringBuilder("calling 'findscu' with ").append(args.size()).append(" arguments: ");
        int skipValues = 0;
        for (String a : args) {
            String shown = a;
            if (skipValues > 0) {
                skipValues--;
            } else if (CommandLineParser.isOption(a)) {
                OptionTable.Option o = OptionTable.find(a);
                if (o != null) {
                    shown = o.displayName();
                    skipValues = o.values();
                }
            }
            sb.append('\'').append(shown).append("' ");
        }
        log.write(LogLevel.INFO, sb.toString());
        log.write(LogLevel.INFO, "");
    }
}
