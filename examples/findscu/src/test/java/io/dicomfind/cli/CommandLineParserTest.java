package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.cli.FindscuOptions.Action;
import io.dicomfind.cli.FindscuOptions.TlsOptions;
import io.dicomfind.dicom.net.TransferSyntaxProposal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line without a network: every option, DCMTK's evaluation rules, errors that name the option. */
class CommandLineParserTest {

    @TempDir
    static Path tmp;

    private static FindscuOptions parse(String... args) throws UsageException {
        return CommandLineParser.parse(List.of(args));
    }

    private static FindscuOptions query(String... options) throws UsageException {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("-k", "PatientName", "127.0.0.1", "104"));
        return CommandLineParser.parse(all);
    }

    private static String error(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of("-k", "PatientName", "127.0.0.1", "104"));
        return assertThrows(UsageException.class, () -> CommandLineParser.parse(all)).getMessage();
    }

    @Test
    void defaultsAreFindscus() throws Exception {
        FindscuOptions o = query();
        assertEquals(Action.QUERY, o.action);
        assertEquals(InformationModel.WORKLIST, o.model);
        assertEquals("FINDSCU", o.callingAeTitle);
        assertEquals("ANY-SCP", o.calledAeTitle);
        assertTrue(o.newVRs);
        assertEquals(TransferSyntaxProposal.UNCOMPRESSED, o.proposal);
        assertEquals(6, o.compressionLevel);
        assertNull(o.connectTimeoutSeconds);
        assertEquals(60, o.socketTimeoutSeconds);
        assertEquals(30, o.acseTimeoutSeconds);
        assertNull(o.dimseTimeoutSeconds);
        assertEquals(16384, o.maxPdu);
        assertEquals(1, o.repeat);
        assertFalse(o.abort);
        assertNull(o.cancelAfter);
        assertEquals(TlsOptions.Mode.NONE, o.tls.mode);
        assertEquals(Path.of("."), o.outputDirectory);
        assertFalse(o.dataCorrection);
        assertEquals(ExtractMode.NONE, o.extract);
        assertNull(o.limitOutput);
        assertTrue(o.showResponses(), "responses are shown by default");
        assertEquals(LogLevel.WARN, o.logLevel);
        assertEquals("127.0.0.1", o.peer);
        assertEquals(104, o.port);
        assertEquals(1, o.keys.size());
    }

    /** One valid use of every option in the table, so none can be left out of the parser. */
    static Stream<Arguments> everyOption() throws IOException {
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        Path lc = Files.writeString(tmp.resolve("log.cfg"), "log4cplus.rootLogger = INFO, console\n");
        Map<String, List<String>> valid = Map.ofEntries(
                Map.entry("--log-level", List.of("-ll", "debug")),
                Map.entry("--log-config", List.of("-lc", lc.toString())),
                Map.entry("--key", List.of("-k", "(0010,0020)=X")),
                Map.entry("--aetitle", List.of("-aet", "ME")),
                Map.entry("--call", List.of("-aec", "YOU")),
                Map.entry("--compression-level", List.of("-xd", "+cl", "9")),
                Map.entry("--timeout", List.of("-to", "5")),
                Map.entry("--socket-timeout", List.of("-ts", "0")),
                Map.entry("--acse-timeout", List.of("-ta", "7")),
                Map.entry("--dimse-timeout", List.of("-td", "8")),
                Map.entry("--max-pdu", List.of("-pdu", "131072")),
                Map.entry("--repeat", List.of("--repeat", "3")),
                Map.entry("--cancel", List.of("--cancel", "2")),
                Map.entry("--model", List.of("-M", "StudyRoot")),
                Map.entry("--result-cap", List.of("--result-cap", "500")),
                Map.entry("--split-key", List.of("--result-cap", "5", "--split-key", "StudyDate")),
                Map.entry("--split-earliest", List.of("--result-cap", "5", "--split-earliest", "20000101")),
                Map.entry("--enable-tls", List.of("+tls", "key.pem", "cert.pem")),
                Map.entry("--use-passwd", List.of("+tls", "k", "c", "+pw", "secret")),
                Map.entry("--std-passwd", List.of("+tls", "k", "c", "+ps")),
                Map.entry("--null-passwd", List.of("+tls", "k", "c", "-pw")),
                Map.entry("--add-cert-file", List.of("+tla", "+cf", "ca.pem")),
                Map.entry("--add-cert-dir", List.of("+tla", "+cd", "certs")),
                Map.entry("--add-crl-file", List.of("+tla", "+crl", "crl.pem")),
                Map.entry("--cipher", List.of("+tla", "+cs", "TLS_AES_128_GCM_SHA256")),
                Map.entry("--request-sni", List.of("+tla", "--request-sni", "pacs.example")),
                Map.entry("--seed", List.of("+tla", "+rs", "seed.bin")),
                Map.entry("--write-seed", List.of("+tla", "+rs", "seed.bin", "+ws")),
                Map.entry("--write-seed-file", List.of("+tla", "+rs", "seed.bin", "+wf", "out.bin")),
                Map.entry("--output-directory", List.of("-od", tmp.toString())),
                Map.entry("--extract-xml-single", List.of("-Xs", "all.xml")),
                Map.entry("--limit-output", List.of("-X", "-Xlo", "4")),
                Map.entry("--max-print-length", List.of("+Lm", "1000")),
                Map.entry("--common-negotiation", List.of("-S", "--common-negotiation", "1.2.840.10008.4.2,1.2.3")),
                Map.entry("--user", List.of("--user", "alice")),
                Map.entry("--user-pass", List.of("--user", "alice", "--user-pass", "@" + file)),
                Map.entry("--user-jwt", List.of("--user-jwt", "a.b.c")),
                Map.entry("--user-saml", List.of("--user-saml", "@" + file)),
                Map.entry("--user-kerberos", List.of("--user-kerberos", file.toString())),
                Map.entry("--user-rsp", List.of("--user", "alice", "--user-rsp")));
        List<Arguments> list = new ArrayList<>();
        for (OptionTable.Option o : OptionTable.options()) {
            List<String> use = valid.get(o.longName());
            if (use == null) {
                if (o.values() != 0) {
                    throw new IllegalStateException("no valid use given for " + o.longName());
                }
                boolean needsTls = o.longName().startsWith("--profile-") || List.of("--pem-keys", "--der-keys",
                        "--enable-crl-vfy", "--enable-crl-all", "--no-sni", "--require-peer-cert",
                        "--ignore-peer-cert").contains(o.longName());
                use = new ArrayList<>();
                if (needsTls) {
                    use.add("+tla");
                }
                use.add(o.shortName() != null ? o.shortName() : o.longName());
            }
            list.add(Arguments.of(o.longName(), use));
            if (o.shortName() != null && o.longName() != null) {
                // the other spelling must be accepted as well
                List<String> other = new ArrayList<>(use);
                int at = other.indexOf(o.shortName());
                if (at >= 0) {
                    other.set(at, o.longName());
                    list.add(Arguments.of(o.longName() + " (long)", other));
                }
            }
        }
        assertTrue(file.toFile().exists());
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOption")
    void everyOptionIsAccepted(String name, List<String> use) throws Exception {
        FindscuOptions o = query(use.toArray(String[]::new));
        assertNotNull(o);
    }

    @Test
    void optionCountMatchesTheManPage() {
        // the 3.6.8 man page lists 70 options; ours adds -J/--extract-json, dcmdump's -L/+L with +Lm, 8 extended
        // negotiation and 6 user identity options, -M/--model and the three result-cap options
        assertEquals(92, OptionTable.options().size());
    }

    @Test
    void printLengthOptions() throws Exception {
        assertEquals(io.dicomfind.dicom.io.DumpWriter.DEFAULT_MAX_VALUE_LENGTH, query().maxPrintLength);
        assertEquals(0, query("+L").maxPrintLength);
        assertEquals(100, query("+L", "--max-print-length", "100").maxPrintLength);
        assertTrue(query("-L").printShort);
        assertThrows(UsageException.class, () -> query("+Lm", "7"));
    }

    @Test
    void negotiationOptionsAreStored() throws Exception {
        FindscuOptions o = query("-S", "--relational", "--multiple-value", "--user", "alice", "--user-pass", "pw",
                "--user-rsp", "--common-negotiation", "1.2.840.10008.4.2, 1.2.3");
        assertEquals(java.util.EnumSet.of(io.dicomfind.dicom.net.QueryOption.RELATIONAL,
                io.dicomfind.dicom.net.QueryOption.MULTIPLE_VALUE), o.negotiation.queryOptions);
        assertEquals(io.dicomfind.dicom.net.pdu.UserIdentity.usernameAndPasscode("alice", "pw", true),
                o.negotiation.userIdentity);
        assertEquals(List.of("1.2.840.10008.4.2", "1.2.3"), o.negotiation.commonNegotiation);
        assertTrue(error("--user-rsp").contains("--user-rsp only allowed with"));
        assertTrue(error("--user-kerberos", tmp.resolve("missing.bin").toString()).contains("cannot read"));
        assertNull(query("-S").negotiation.userIdentity);
    }

    @Test
    void valuesAreStored() throws Exception {
        FindscuOptions o = query("-S", "-aet", "ME", "-aec", "PACS", "-u", "-xd", "+cl", "1", "-to", "3", "-ts",
                "4", "-ta", "5", "-td", "6", "-pdu", "4096", "--repeat", "2", "--abort", "--cancel", "7", "+dc",
                "-sr", "-Xx", "-Xlo", "9", "-od", tmp.toString());
        assertEquals(InformationModel.STUDY_ROOT, o.model);
        assertEquals("ME", o.callingAeTitle);
        assertEquals("PACS", o.calledAeTitle);
        assertFalse(o.newVRs);
        assertEquals(TransferSyntaxProposal.DEFLATED, o.proposal);
        assertEquals(1, o.compressionLevel);
        assertEquals(3, o.connectTimeoutSeconds);
        assertEquals(4, o.socketTimeoutSeconds);
        assertEquals(5, o.acseTimeoutSeconds);
        assertEquals(6, o.dimseTimeoutSeconds);
        assertEquals(4096, o.maxPdu);
        assertEquals(2, o.repeat);
        assertTrue(o.abort);
        assertEquals(7, o.cancelAfter);
        assertTrue(o.dataCorrection);
        assertFalse(o.showResponses());
        assertEquals(ExtractMode.XML, o.extract);
        assertEquals(9, o.limitOutput);
        assertEquals(tmp, o.outputDirectory);
    }

    @Test
    void rightmostOfExclusiveOptionsWins() throws Exception {
        assertEquals(InformationModel.PATIENT_ROOT, query("-S", "-O", "-P").model);
        assertEquals(InformationModel.WORKLIST, query("-P", "-W").model);
        assertEquals(TransferSyntaxProposal.IMPLICIT, query("-xb", "-xi").proposal);
        assertEquals(TransferSyntaxProposal.LITTLE, query("-xi", "-xe").proposal);
        assertEquals(TransferSyntaxProposal.BIG, query("-x=", "-xb").proposal);
        assertEquals(ExtractMode.DICOM, query("-Xx", "-X").extract);
        assertEquals(ExtractMode.JSON, query("-X", "-J").extract);
        assertEquals(LogLevel.INFO, query("-q", "-v").logLevel);
        assertEquals(LogLevel.FATAL, query("-d", "-q").logLevel);
        assertTrue(query("-u", "+u").newVRs);
        assertEquals(3, query("--repeat", "1", "--repeat", "3").repeat);
        assertTrue(query("-sr", "+sr").showResponses());
        assertFalse(query("-q").showResponses(), "quiet hides responses unless +sr");
        assertTrue(query("-q", "+sr").showResponses());
        assertFalse(query("-X").showResponses(), "extraction hides responses unless +sr");
    }

    @Test
    void keysAccumulateAndParseEarly() throws Exception {
        FindscuOptions o = query("-k", "(0008,0052)=STUDY", "-k", "0010,0020=X", "-k", "(0040,0100)[0].Modality=CT");
        assertEquals(4, o.keys.size());
        String m = error("-k", "NoSuchKeyword=1");
        assertTrue(m.startsWith("Invalid value for option --key:"), m);
        assertTrue(m.contains("NoSuchKeyword"), m);
    }

    @Test
    void numbersOutOfRangeNameOptionValueAndRange() {
        assertEquals("Invalid value for option --max-pdu (underflow: 100); allowed: an integer 4096..131072",
                error("-pdu", "100"));
        assertEquals("Invalid value for option --max-pdu (overflow: 200000); allowed: an integer 4096..131072",
                error("-pdu", "200000"));
        assertEquals("Invalid value for option --max-pdu (x): not an integer; allowed: an integer 4096..131072",
                error("-pdu", "x"));
        assertEquals("Invalid value for option --compression-level (overflow: 10); allowed: an integer 0..9",
                error("-xd", "+cl", "10"));
        assertTrue(error("-to", "0").startsWith("Invalid value for option --timeout (underflow: 0)"));
        assertTrue(error("-ta", "0").startsWith("Invalid value for option --acse-timeout (underflow: 0)"));
        assertTrue(error("-td", "0").startsWith("Invalid value for option --dimse-timeout (underflow: 0)"));
        assertTrue(error("-ts", "-2").startsWith("Invalid value for option --socket-timeout (underflow: -2)"));
        assertTrue(error("--repeat", "0").startsWith("Invalid value for option --repeat (underflow: 0)"));
        assertTrue(error("--cancel", "-1").startsWith("Invalid value for option --cancel (underflow: -1)"));
        assertTrue(error("-X", "-Xlo", "0").startsWith("Invalid value for option --limit-output (underflow: 0)"));
        assertTrue(error("-to", "99999999999").contains("overflow"));
    }

    @Test
    void dependenciesAndExclusions() {
        assertEquals("--compression-level only allowed with --propose-deflated", error("+cl", "5"));
        assertEquals("--compression-level only allowed with --propose-deflated", error("-xd", "-xe", "+cl", "5"));
        assertTrue(error("-Xlo", "3").startsWith("--limit-output only allowed with --extract"));
        assertEquals("--log-level not allowed with --verbose, --debug or --quiet", error("-ll", "info", "-v"));
        assertTrue(error("-ll", "loud").contains("'loud'"));
        assertEquals("--use-passwd only allowed with --enable-tls", error("+pw", "x"));
        assertEquals("--use-passwd only allowed with --enable-tls", error("+tla", "+pw", "x"));
        assertEquals("--pem-keys only allowed with --enable-tls or --anonymous-tls", error("-pem"));
        assertEquals("--cipher not allowed with --profile-bcp195-ex", error("+tla", "+pz", "+cs", "X"));
        assertEquals("--write-seed only allowed with --seed", error("+tla", "+ws"));
        assertTrue(error("-od", tmp.resolve("missing").toString()).startsWith("specified output directory does not"));
        assertTrue(error("-lc", tmp.resolve("missing.cfg").toString()).startsWith("Specified --log-config file"));
    }

    @Test
    void aeTitlesAreChecked() {
        String m = error("-aet", "ABCDEFGHIJKLMNOPQ");
        assertTrue(m.startsWith("Invalid value for option --aetitle:"), m);
        assertTrue(m.contains("longer than 16"), m);
        assertTrue(error("-aec", "  ").startsWith("Invalid value for option --call:"));
    }

    @Test
    void parametersAndUnknownOptions() throws Exception {
        assertEquals("Unknown option --frobnicate (see --help for the options)",
                assertThrows(UsageException.class, () -> parse("--frobnicate", "h", "1")).getMessage());
        assertEquals("Missing value for option --timeout",
                assertThrows(UsageException.class, () -> parse("h", "1", "-to")).getMessage());
        assertEquals("Missing value for option --enable-tls (it takes 2 values)",
                assertThrows(UsageException.class, () -> parse("h", "1", "+tls", "k")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse("-k", "A=", "h", "0")).getMessage()
                .startsWith("Invalid value for parameter port (underflow: 0)"));
        assertTrue(assertThrows(UsageException.class, () -> parse("-k", "PatientID", "h", "65536")).getMessage()
                .contains("overflow"));
        assertEquals("Missing parameter port (tcp/ip port number of peer)",
                assertThrows(UsageException.class, () -> parse("-v", "h")).getMessage());
        assertEquals("either query file or override keys (or both) must be specified",
                assertThrows(UsageException.class, () -> parse("h", "104")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> parse("h", "104", tmp.resolve("nope.dcm").toString()))
                .getMessage().startsWith("cannot access file: "));
        // a negative number is a value, not an option (DCMTK's rule)
        assertEquals(0, query("-ts", "-1").socketTimeoutSeconds);
    }

    @Test
    void helpVersionAndNoArguments() throws Exception {
        assertEquals(Action.HELP, parse().action);
        assertEquals(Action.HELP, parse("-h").action);
        assertEquals(Action.HELP, parse("-pdu", "1", "--help").action);
        assertEquals(Action.VERSION, parse("--version").action);
        assertEquals(Action.LIST_CIPHERS, parse("+cc").action);
    }

    @Test
    void commandFilesExpandWithDcmtksQuoting() throws Exception {
        Path cmd = Files.writeString(tmp.resolve("cmd.txt"),
                "-aet 'MY AE'\n\t-k \"PatientName=A B\"  x\"y z\"w \"\" @inner.txt\n");
        assertEquals(List.of("-aet", "MY AE", "-k", "PatientName=A B", "xy z", "w", "", "@inner.txt"),
                CommandFiles.expand(List.of("@" + cmd)));
        assertEquals(List.of("a", "b"), CommandFiles.split("\"a\"\"b\""));
        assertEquals(List.of("unterminated x"), CommandFiles.split("\"unterminated x"));
        assertEquals(List.of("a'b c'd"), CommandFiles.split("\"a'b c'd\""));
        Path opts = Files.writeString(tmp.resolve("opts.txt"), "-S -aec 'PACS 1' -k \"PatientName=DOE^J*\"\n");
        FindscuOptions o = parse("@" + opts, "127.0.0.1", "11112");
        assertEquals(InformationModel.STUDY_ROOT, o.model);
        assertEquals("PACS 1", o.calledAeTitle);
        assertEquals("DOE^J*", o.keys.get(0).value());
        assertEquals("Cannot open command file '" + tmp.resolve("none.txt") + "'",
                assertThrows(UsageException.class, () -> parse("@" + tmp.resolve("none.txt"))).getMessage());
    }

    @Test
    void tlsIsParsedFullyThenRefusedWithExitCode1() throws Exception {
        FindscuOptions o = query("+tls", "key.pem", "cert.pem", "+pw", "pw", "-der", "+cf", "a.pem", "+cf", "b.pem",
                "+cd", "certs", "+crl", "crl.pem", "+cra", "+px", "+cs", "C1", "--request-sni", "pacs", "+rs", "s",
                "+wf", "s2", "-ic");
        TlsOptions t = o.tls;
        assertEquals(TlsOptions.Mode.AUTHENTICATED, t.mode);
        assertEquals("key.pem", t.privateKeyFile);
        assertEquals("cert.pem", t.certificateFile);
        assertEquals("pw", t.password);
        assertTrue(t.derKeys);
        assertEquals(List.of("a.pem", "b.pem"), t.certificateFiles);
        assertEquals("all", t.crlVerification);
        assertEquals("--profile-bcp195", t.profile);
        assertEquals(List.of("C1"), t.ciphers);
        assertEquals("pacs", t.serverName);
        assertEquals("s2", t.writeSeedFile);
        assertFalse(t.requirePeerCertificate);

        Run r = Run.of("+tla", "-k", "PatientName", "127.0.0.1", "104");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("no trusted certificate was given"), r.err);
    }

    @Test
    void mainPrintsErrorsLikeFindscuAndExits1() {
        Run r = Run.of("-pdu", "100", "127.0.0.1", "104");
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertTrue(r.err.startsWith("$dicomfind: findscu v"), r.err);
        assertTrue(r.err.contains("\nfindscu: DICOM query (C-FIND) SCU\n"), r.err);
        assertTrue(r.err.endsWith("error: Invalid value for option --max-pdu (underflow: 100); allowed: an integer"
                + " 4096..131072\n"), r.err);
    }

    @Test
    void helpScreenIsLaidOutLikeFindscus() {
        Run r = Run.of("--help");
        assertEquals(0, r.code);
        List<String> lines = r.out.lines().toList();
        assertTrue(lines.contains("usage: findscu [options] peer port [dcmfile-in...]"));
        assertTrue(lines.contains("  -h      --help                print this help text and exit"));
        assertTrue(lines.contains("    -k    --key                 [k]ey: gggg,eeee=\"str\", path or dict."
                + " name=\"str\""));
        assertTrue(lines.contains("    -pdu  --max-pdu             [n]umber of bytes: integer (4096..131072)"));
        assertTrue(lines.contains("          --repeat              [n]umber: integer"));
        assertTrue(lines.contains("                                set max receive pdu to n bytes (default: 16384)"));
        for (OptionTable.Option o : OptionTable.options()) {
            assertTrue(r.out.contains(o.longName()), o.longName() + " missing from help");
        }
        // 81: DCMTK's own "-rc --require-peer-cert ... (default)" line is that long
        assertTrue(lines.stream().allMatch(l -> l.length() <= 81), "help fits the width of findscu's");
    }

    @Test
    void versionNamesUsAndDcmtk() {
        Run r = Run.of("--version");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("dicomfind-findscu"), r.out);
        assertTrue(r.out.contains("DCMTK findscu 3.6.8"), r.out);
    }

    @Test
    void argumentsArePrintedWithLongNames() throws IOException {
        Path cmd = Files.writeString(tmp.resolve("args.txt"), "-v -k \"PatientName=A B\"");
        // port 9 on loopback: nothing listens, so the run ends with exit 2 after printing the arguments
        Run r = Run.of("--arguments", "@" + cmd, "-to", "2", "127.0.0.1", "9");
        assertTrue(r.err.startsWith("I: calling 'findscu' with 8 arguments: '--arguments' '--verbose' '--key'"
                + " 'PatientName=A B' '--timeout' '2' '127.0.0.1' '9' \nI: \n"), r.err);
        assertEquals(2, r.code);
    }

    @Test
    void logConfigHonoursTheRootLevelOnly() throws Exception {
        Path lc = Files.writeString(tmp.resolve("l.cfg"),
                "log4cplus.rootLogger = DEBUG, console\nlog4cplus.appender.console=log4cplus::ConsoleAppender\n");
        assertEquals(LogLevel.DEBUG, LogConfigFile.read(lc).level());
        assertTrue(LogConfigFile.read(lc).ignoredSettings());
        Path bad = Files.writeString(tmp.resolve("b.cfg"), "log4cplus.rootLogger = LOUD\n");
        assertTrue(assertThrows(UsageException.class, () -> LogConfigFile.read(bad)).getMessage().contains("LOUD"));
    }

    /** One in-process run of the command line. */
    record Run(int code, String out, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Findscu.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
    }
}
