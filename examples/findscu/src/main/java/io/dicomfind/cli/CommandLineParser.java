package io.dicomfind.cli;

import io.dicomfind.cli.FindscuOptions.Action;
import io.dicomfind.cli.FindscuOptions.TlsOptions;
import io.dicomfind.cli.OptionTable.Option;
import io.dicomfind.dicom.data.KeySyntaxException;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import io.dicomfind.dicom.net.pdu.AeTitle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns findscu's command line into {@link FindscuOptions}, with DCMTK's evaluation rules (OFCommandLine):
 * options and parameters may be mixed in any order; an argument is an option if it starts with {@code -} or
 * {@code +} and is not a number; an option takes the next argument(s) as its value(s) whatever they look like; of
 * mutually exclusive options the rightmost wins; a repeated single-valued option keeps its rightmost value.
 * Errors name the option (by its long name, as DCMTK does), the value and what is allowed.
 */
final class CommandLineParser {

    /** One option as it occurs on the command line, at argument position {@code position}. */
    record Occurrence(Option option, List<String> values, int position) {
        String value() {
            return values.get(0);
        }
    }

    private final List<Occurrence> occurrences = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();

    private CommandLineParser() {
    }

    /** Parses the arguments as given to main (command files not yet expanded). */
    static FindscuOptions parse(List<String> args) throws UsageException {
        return new CommandLineParser().run(args);
    }

    /** DCMTK's rule: a leading sign followed by something that is not a digit makes an option ("-1" is a value). */
    static boolean isOption(String arg) {
        return arg.length() > 1 && (arg.charAt(0) == '-' || arg.charAt(0) == '+') && !Character.isDigit(arg.charAt(1));
    }

    private FindscuOptions run(List<String> args) throws UsageException {
        FindscuOptions o = new FindscuOptions();
        List<String> expanded = CommandFiles.expand(args);
        o.expandedArguments = expanded;
        scan(expanded);

        if (has("--help")) {
            o.action = Action.HELP;
            return o;
        }
        if (has("--version")) {
            o.action = Action.VERSION;
            return o;
        }
        if (expanded.isEmpty()) {
            o.action = Action.HELP;
            return o;
        }
        o.printArguments = has("--arguments");
        logging(o);
        tls(o.tls);
        if (has("--list-ciphers")) {
            o.action = Action.LIST_CIPHERS;
            return o;
        }
        parameters(o);
        network(o);
        negotiation(o.negotiation);
        output(o);
        keys(o);
        boolean modelKeys = o.model.named() && o.model.model() != null; // -M NAME brings its usual keys
        if (o.queryFiles.isEmpty() && o.keys.isEmpty() && !modelKeys) {
            throw new UsageException("either query file or override keys (or both) must be specified");
        }
        return o;
    }

    private void scan(List<String> args) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!isOption(arg)) {
                parameters.add(arg);
                continue;
            }
            Option opt = OptionTable.find(arg);
            if (opt == null) {
                throw new UsageException("Unknown option " + arg + " (see --help for the options)");
            }
            if (i + opt.values() >= args.size()) {
                throw new UsageException("Missing value for option " + opt.displayName()
                        + (opt.values() > 1 ? " (it takes " + opt.values() + " values)" : ""));
            }
            List<String> values = new ArrayList<>(args.subList(i + 1, i + 1 + opt.values()));
            occurrences.add(new Occurrence(opt, values, i));
            i += opt.values();
        }
    }

    // --- general options ---------------------------------------------------------------------------------------

    private void logging(FindscuOptions o) throws UsageException {
        Occurrence qvd = last("--quiet", "--verbose", "--debug");
        Occurrence ll = last("--log-level");
        Occurrence lc = last("--log-config");
        if (qvd != null) {
            o.logLevel = switch (qvd.option().longName()) {
                case "--quiet" -> LogLevel.FATAL;
                case "--verbose" -> LogLevel.INFO;
                default -> LogLevel.DEBUG;
            };
        }
        if (ll != null) {
            if (qvd != null) {
                throw new UsageException("--log-level not allowed with --verbose, --debug or --quiet");
            }
            LogLevel level = LogLevel.parse(ll.value());
            if (level == null || level == LogLevel.OFF) {
                throw new UsageException("Invalid log level '" + ll.value() + "' for --log-level option"
                        + " (allowed: fatal, error, warn, info, debug, trace)");
            }
            o.logLevel = level;
        }
        if (lc != null) {
            if (ll != null) {
                throw new UsageException("--log-config not allowed with --log-level");
            }
            if (qvd != null) {
                throw new UsageException("--log-config not allowed with --verbose, --debug or --quiet");
            }
            Path p = Path.of(lc.value());
            if (!Files.isRegularFile(p)) {
                throw new UsageException("Specified --log-config file does not exist: " + lc.value());
            }
            o.logConfig = p;
        }
    }

    // --- parameters --------------------------------------------------------------------------------------------

    private void parameters(FindscuOptions o) throws UsageException {
        if (parameters.isEmpty()) {
            throw new UsageException("Missing parameter peer (hostname of DICOM peer)");
        }
        if (parameters.size() < 2) {
            throw new UsageException("Missing parameter port (tcp/ip port number of peer)");
        }
        o.peer = parameters.get(0);
        if (o.peer.isBlank()) {
            throw new UsageException("Invalid parameter value for peer: empty host name");
        }
        o.port = (int) integer("parameter port", parameters.get(1), 1, 65535);
        for (String f : parameters.subList(2, parameters.size())) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new UsageException("cannot access file: " + f
                        + (Files.isDirectory(p) ? " (it is a directory)" : " (no such readable file)"));
            }
            o.queryFiles.add(p);
        }
    }

    /** Issue 14 item 6: {@code --result-cap N [--split-key k] [--split-earliest YYYYMMDD]}. */
    private void resultCap(FindscuOptions o) throws UsageException {
        Occurrence cap = last("--result-cap");
        Occurrence key = last("--split-key");
        Occurrence earliest = last("--split-earliest");
        if (cap == null) {
            if (key != null || earliest != null) {
                throw new UsageException("--" + (key != null ? "split-key" : "split-earliest")
                        + " only allowed with --result-cap");
            }
            return;
        }
        o.resultCap = (int) intOption(cap, 1, Integer.MAX_VALUE);
        if (key != null) {
            try {
                io.dicomfind.dicom.data.QueryKey.parse(key.value());
            } catch (RuntimeException e) {
                throw new UsageException("Invalid value for option --split-key (" + key.value() + "): "
                        + e.getMessage());
            }
            o.splitKey = key.value();
        }
        if (earliest != null) {
            try {
                o.splitEarliest = java.time.LocalDate.parse(earliest.value(),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("Invalid value for option --split-earliest (" + earliest.value()
                        + "); allowed: a date YYYYMMDD");
            }
        }
    }

    // --- network options ---------------------------------------------------------------------------------------

    private void network(FindscuOptions o) throws UsageException {
        Occurrence model = last("--worklist", "--patient", "--study", "--psonly", "--model");
        if (model != null) {
            o.model = switch (model.option().longName()) {
                case "--patient" -> InformationModel.PATIENT_ROOT;
                case "--study" -> InformationModel.STUDY_ROOT;
                case "--psonly" -> InformationModel.PATIENT_STUDY_ONLY;
                case "--model" -> InformationModel.named(model.values().get(0));
                default -> InformationModel.WORKLIST;
            };
        }
        Occurrence aet = last("--aetitle");
        if (aet != null) {
            o.callingAeTitle = aeTitle(aet);
        }
        Occurrence aec = last("--call");
        if (aec != null) {
            o.calledAeTitle = aeTitle(aec);
        }
        Occurrence vr = last("--enable-new-vr", "--disable-new-vr");
        if (vr != null) {
            o.newVRs = vr.option().longName().equals("--enable-new-vr");
        }
        Occurrence ts = last("--propose-uncompr", "--propose-little", "--propose-big", "--propose-deflated",
                "--propose-implicit");
        if (ts != null) {
            o.proposal = switch (ts.option().longName()) {
                case "--propose-little" -> TransferSyntaxProposal.LITTLE;
                case "--propose-big" -> TransferSyntaxProposal.BIG;
                case "--propose-deflated" -> TransferSyntaxProposal.DEFLATED;
                case "--propose-implicit" -> TransferSyntaxProposal.IMPLICIT;
                default -> TransferSyntaxProposal.UNCOMPRESSED;
            };
        }
        Occurrence cl = last("--compression-level");
        if (cl != null) {
            if (o.proposal != TransferSyntaxProposal.DEFLATED) {
                throw new UsageException("--compression-level only allowed with --propose-deflated");
            }
            o.compressionLevel = intOption(cl, 0, 9);
        }
        Occurrence to = last("--timeout");
        if (to != null) {
            o.connectTimeoutSeconds = intOption(to, 1, Integer.MAX_VALUE);
        }
        Occurrence tsock = last("--socket-timeout");
        if (tsock != null) {
            // DCMTK accepts -1 too (blocking, like 0); kept so that existing scripts still run.
            o.socketTimeoutSeconds = Math.max(0, intOption(tsock, -1, Integer.MAX_VALUE));
        }
        Occurrence ta = last("--acse-timeout");
        if (ta != null) {
            o.acseTimeoutSeconds = intOption(ta, 1, Integer.MAX_VALUE);
        }
        Occurrence td = last("--dimse-timeout");
        if (td != null) {
            o.dimseTimeoutSeconds = intOption(td, 1, Integer.MAX_VALUE);
        }
        Occurrence pdu = last("--max-pdu");
        if (pdu != null) {
            o.maxPdu = intOption(pdu, 4096, 131072);
        }
        Occurrence repeat = last("--repeat");
        if (repeat != null) {
            o.repeat = intOption(repeat, 1, Integer.MAX_VALUE);
        }
        o.abort = has("--abort");
        Occurrence cancel = last("--cancel");
        if (cancel != null) {
            o.cancelAfter = intOption(cancel, 0, Integer.MAX_VALUE);
        }
        resultCap(o);
    }

    /** Our additions: extended negotiation and user identity (see {@link NegotiationArguments}). */
    private void negotiation(NegotiationArguments n) throws UsageException {
        for (String name : NegotiationArguments.QUERY_OPTION_NAMES) {
            if (has(name)) {
                n.queryOptions.add(NegotiationArguments.queryOption(name));
            }
        }
        Occurrence common = last("--common-negotiation");
        if (common != null) {
            n.commonNegotiation = NegotiationArguments.uids("--common-negotiation", common.value());
        }
        n.userIdentity = NegotiationArguments.identity(value("--user"), value("--user-pass"), value("--user-jwt"),
                value("--user-saml"), value("--user-kerberos"), has("--user-rsp"));
    }

    private String value(String longName) {
        Occurrence occ = last(longName);
        return occ == null ? null : occ.value();
    }

    private static String aeTitle(Occurrence occ) throws UsageException {
        try {
            return AeTitle.validate(occ.value(), "AE title");
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for option " + occ.option().displayName() + ": " + e.getMessage()
                    + " (allowed: 1..16 characters of the default repertoire, no backslash or control characters,"
                    + " not all spaces; PS3.5 6.2)");
        }
    }

    // --- TLS options: parsed and checked as DCMTK does; the run refuses them (no TLS yet) ----------------------

    private void tls(TlsOptions t) throws UsageException {
        Occurrence mode = last("--disable-tls", "--enable-tls", "--anonymous-tls");
        if (mode != null) {
            switch (mode.option().longName()) {
                case "--enable-tls" -> {
                    t.mode = TlsOptions.Mode.AUTHENTICATED;
                    t.privateKeyFile = mode.values().get(0);
                    t.certificateFile = mode.values().get(1);
                }
                case "--anonymous-tls" -> t.mode = TlsOptions.Mode.ANONYMOUS;
                default -> t.mode = TlsOptions.Mode.NONE;
            }
        }
        Occurrence pw = last("--std-passwd", "--use-passwd", "--null-passwd");
        if (pw != null) {
            requireTls(pw, t.mode == TlsOptions.Mode.AUTHENTICATED, "--enable-tls");
            switch (pw.option().longName()) {
                case "--use-passwd" -> {
                    t.password = pw.value();
                    t.passwordPrompt = false;
                }
                case "--null-passwd" -> {
                    t.password = "";
                    t.passwordPrompt = false;
                }
                default -> t.passwordPrompt = true;
            }
        }
        boolean anyTls = t.enabled();
        String either = "--enable-tls or --anonymous-tls";
        Occurrence format = last("--pem-keys", "--der-keys");
        if (format != null) {
            requireTls(format, anyTls, either);
            t.derKeys = format.option().longName().equals("--der-keys");
        }
        for (Occurrence occ : all("--add-cert-file")) {
            requireTls(occ, anyTls, either);
            t.certificateFiles.add(occ.value());
        }
        for (Occurrence occ : all("--add-cert-dir")) {
            requireTls(occ, anyTls, either);
            t.certificateDirectories.add(occ.value());
        }
        for (Occurrence occ : all("--add-crl-file")) {
            requireTls(occ, anyTls, either);
            t.crlFiles.add(occ.value());
            t.crlVerification = "leaf";
        }
        Occurrence crl = last("--enable-crl-vfy", "--enable-crl-all");
        if (crl != null) {
            requireTls(crl, anyTls, either);
            t.crlVerification = crl.option().longName().equals("--enable-crl-all") ? "all" : "leaf";
        }
        Occurrence profile = last("--profile-8996", "--profile-8996-mod", "--profile-bcp195-nd", "--profile-bcp195",
                "--profile-bcp195-ex", "--profile-basic", "--profile-aes", "--profile-null");
        if (profile != null) {
            requireTls(profile, anyTls, either);
            t.profile = profile.option().longName();
        }
        for (Occurrence occ : all("--cipher")) {
            requireTls(occ, anyTls, either);
            if (t.profile.equals("--profile-bcp195-ex")) {
                throw new UsageException("--cipher not allowed with --profile-bcp195-ex");
            }
            t.ciphers.add(occ.value());
        }
        Occurrence sni = last("--no-sni", "--request-sni");
        if (sni != null) {
            requireTls(sni, anyTls, either);
            t.serverName = sni.option().longName().equals("--request-sni") ? sni.value() : null;
        }
        Occurrence seed = last("--seed");
        if (seed != null) {
            requireTls(seed, anyTls, either);
            t.seedFile = seed.value();
        }
        Occurrence ws = last("--write-seed");
        if (ws != null) {
            requireTls(ws, anyTls, either);
            if (seed == null) {
                throw new UsageException("--write-seed only allowed with --seed");
            }
            t.writeSeed = true;
        }
        Occurrence wf = last("--write-seed-file");
        if (wf != null) {
            requireTls(wf, anyTls, either);
            if (seed == null) {
                throw new UsageException("--write-seed-file only allowed with --seed");
            }
            t.writeSeedFile = wf.value();
        }
        Occurrence peerCert = last("--require-peer-cert", "--ignore-peer-cert");
        if (peerCert != null) {
            requireTls(peerCert, anyTls, either);
            t.requirePeerCertificate = peerCert.option().longName().equals("--require-peer-cert");
        }
    }

    private static void requireTls(Occurrence occ, boolean ok, String what) throws UsageException {
        if (!ok) {
            throw new UsageException(occ.option().displayName() + " only allowed with " + what);
        }
    }

    // --- output options ----------------------------------------------------------------------------------------

    private void output(FindscuOptions o) throws UsageException {
        Occurrence od = last("--output-directory");
        if (od != null) {
            Path dir = Path.of(od.value());
            if (!Files.isDirectory(dir)) {
                throw new UsageException("specified output directory does not exist: " + od.value()
                        + " (--output-directory must name an existing directory)");
            }
            if (!Files.isWritable(dir)) {
                throw new UsageException("specified output directory is not writable: " + od.value());
            }
            o.outputDirectory = dir;
        }
        Occurrence dc = last("--enable-correction", "--disable-correction");
        if (dc != null) {
            o.dataCorrection = dc.option().longName().equals("--enable-correction");
        }
        Occurrence sr = last("--show-responses", "--hide-responses");
        if (sr != null) {
            o.showResponsesOption = sr.option().longName().equals("--show-responses");
        }
        Occurrence print = last("--print-short", "--print-all", "--max-print-length");
        if (print != null) {
            switch (print.option().longName()) {
                case "--print-short" -> o.printShort = true;
                case "--print-all" -> o.maxPrintLength = 0;
                default -> o.maxPrintLength = intOption(print, 8, Integer.MAX_VALUE);
            }
        }
        Occurrence x = last("--extract", "--extract-xml", "--extract-xml-single", "--extract-json");
        if (x != null) {
            switch (x.option().longName()) {
                case "--extract" -> o.extract = ExtractMode.DICOM;
                case "--extract-xml" -> o.extract = ExtractMode.XML;
                case "--extract-json" -> o.extract = ExtractMode.JSON;
                default -> {
                    o.extract = ExtractMode.XML_SINGLE;
                    o.extractXmlSingleFile = Path.of(x.value());
                }
            }
        }
        Occurrence lo = last("--limit-output");
        if (lo != null) {
            if (o.extract == ExtractMode.NONE) {
                throw new UsageException("--limit-output only allowed with --extract, --extract-xml,"
                        + " --extract-xml-single or --extract-json");
            }
            o.limitOutput = intOption(lo, 1, Integer.MAX_VALUE);
        }
    }

    // --- keys --------------------------------------------------------------------------------------------------

    private void keys(FindscuOptions o) throws UsageException {
        for (Occurrence occ : all("--key")) {
            try {
                o.keys.add(QueryKey.parse(occ.value()));
                o.keySpecs.add(occ.value());
            } catch (KeySyntaxException e) {
                throw new UsageException("Invalid value for option --key: " + e.getMessage()
                        + " (allowed: (gggg,eeee)=value, gggg,eeee=value, DictionaryName=value, or a path such as"
                        + " (0040,0100)[0].Modality=CT)");
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private boolean has(String longName) {
        return last(longName) != null;
    }

    /** The rightmost occurrence of any of the options (DCMTK: of mutually exclusive options the rightmost wins). */
    private Occurrence last(String... longNames) {
        Occurrence found = null;
        for (Occurrence occ : occurrences) {
            for (String n : longNames) {
                if (n.equals(occ.option().longName())) {
                    found = occ;
                }
            }
        }
        return found;
    }

    private List<Occurrence> all(String longName) {
        List<Occurrence> list = new ArrayList<>();
        for (Occurrence occ : occurrences) {
            if (longName.equals(occ.option().longName())) {
                list.add(occ);
            }
        }
        return list;
    }

    private static int intOption(Occurrence occ, long min, long max) throws UsageException {
        return (int) integer("option " + occ.option().displayName(), occ.value(), min, max);
    }

    /** DCMTK's wording ("Invalid value for option --max-pdu (underflow: 100)") plus what is allowed. */
    static long integer(String what, String text, long min, long max) throws UsageException {
        String allowed = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer " + min + ".." + max;
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for " + what + " (" + text + "): not an integer; allowed: "
                    + allowed);
        }
        if (v < min) {
            throw new UsageException("Invalid value for " + what + " (underflow: " + text + "); allowed: " + allowed);
        }
        if (v > max) {
            throw new UsageException("Invalid value for " + what + " (overflow: " + text + "); allowed: " + allowed);
        }
        return v;
    }
}
