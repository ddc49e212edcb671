package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.cli.CommandLineParserTest.Run;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.peers.CorpusQuery;
import io.dicomfind.peers.DcmDumpCanonicalizer;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.DicomPeer;
import io.dicomfind.peers.DumpFile;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.PeerKind;
import io.dicomfind.peers.PeerSet;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.QueryCorpus;
import io.dicomfind.peers.ResponseSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Our findscu against real peers (wlmscpfs, dcmqrscp, Orthanc, started by the harness), with DCMTK findscu as the
 * oracle: same queries, same response sets (canonicalised by the harness from both sides' {@code -X} files), same
 * log lines at {@code -v}, same file numbering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindscuPeerTest {
    private static final Pattern FINAL = Pattern.compile("Received Final Find Response \\(([^)]*)\\)");
    private static final Pattern RECEIVED = Pattern.compile("I: Received Find Response (\\d+)");
    private static final Pattern NON_ASCII_VALUE =
            Pattern.compile("^(I: +\\([0-9a-f]{4},[0-9a-f]{4}\\) [A-Z]{2} \\[)(.*)(\\] +#.*)$");

    private PeerSet peers;
    private Path work;

    @BeforeAll
    void startPeers() {
        peers = PeerSet.startAll();
        work = Peers.tempDir("findscu-cli");
    }

    @AfterAll
    void stopPeers() {
        if (peers != null) {
            peers.close();
        }
        if (work != null) {
            Peers.deleteRecursively(work);
        }
    }

    static Stream<CorpusQuery> corpus() {
        return QueryCorpus.all().stream();
    }

    /** The whole corpus: response sets, final status, exit code and the {@code -v} log against DCMTK's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameResponsesAndLogAsDcmtk(CorpusQuery q) throws IOException {
        DicomPeer peer = peers.get(q.peer());
        FindScuResult dcmtk = DcmtkFindScu.run(peer, q, work.resolve("dcmtk"));
        Path dir = Files.createDirectories(work.resolve("ours").resolve(q.name()));
        List<String> args = new ArrayList<>(List.of("-v", "-X", "-od", dir.toString()));
        args.addAll(q.commandLine(peer, dir));
        Run ours = Run.of(args.toArray(String[]::new));

        ResponseSet ourSet = DcmDumpCanonicalizer.responseSet(DcmtkFindScu.responseFiles(dir));
        dcmtk.responses().assertSameAs(ourSet, q + "\n" + ours.err());
        assertDataSetsAsReEncoded(DcmtkFindScu.responseFiles(dir), q.toString());
        assertEquals(dcmtk.finalStatus(), finalStatus(ours.err()), q.toString());
        boolean failed = dcmtk.finalStatus() != null && (dcmtk.finalStatus().startsWith("Failed")
                || dcmtk.finalStatus().startsWith("Refused"));
        assertEquals(failed ? ExitCodes.QUERY_FAILED : dcmtk.exitCode(), ours.code(), ours.err());
        assertSameLog(dcmtk.stderr(), ours.err(), q.toString());
    }

    /**
     * -X copies an identifier that arrived in canonical form as it came, and decodes and re-encodes any other: either
     * way each file must hold exactly what re-encoding its data set gives (the peers here send both kinds: DCMTK's
     * SCPs undefined-length sequences, Orthanc and flat identifiers defined lengths).
     */
    static void assertDataSetsAsReEncoded(List<Path> files, String what) throws IOException {
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Part10.File file = Part10.read(f, DecodeLimits.DEFAULT);
            byte[] encoded = DataSetWriter.toBytes(file.dataSet(), file.transferSyntax(), EncodeOptions.DEFAULT);
            assertArrayEquals(encoded, Arrays.copyOfRange(bytes, bytes.length - encoded.length, bytes.length),
                    what + ": " + f.getFileName());
        }
    }

    @Test
    void severalQueryFilesRepeatedOnOneAssociationNumberFilesLikeDcmtk() throws IOException {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        Path q = Files.createDirectories(work.resolve("multi-q"));
        List<Path> files = new ArrayList<>();
        for (String name : List.of("wlistqry0", "wlistqry9", "wlistqry5")) {
            Path out = q.resolve(name + ".dcm");
            DumpFile.convert(Path.of("/usr/share/doc/dcmtk/examples/wlistqry/" + name + ".dump"), out);
            files.add(out);
        }
        List<String> options = List.of("--repeat", "2", "-k", "PatientName=*");
        FindScuResult dcmtk = DcmtkFindScu.run(wl, options, files, work.resolve("multi-dcmtk"));
        Path dir = Files.createDirectories(work.resolve("multi-ours"));
        Run ours = run(wl, dir, options, files);
        assertEquals(0, ours.code(), ours.err());
        assertEquals(names(DcmtkFindScu.responseFiles(dcmtk.outputDirectory())),
                names(DcmtkFindScu.responseFiles(dir)), "file numbering across queries and repeats");
        dcmtk.responses().assertSameAs(DcmDumpCanonicalizer.responseSet(DcmtkFindScu.responseFiles(dir)), "multi");
        assertEquals(6, count(ours.err(), "Sending Find Request"));
        assertTrue(ours.err().contains("Sending Find Request (MsgID 6)"), ours.err());
        assertSameLog(dcmtk.stderr(), ours.err(), "multi");
        assertTrue(dcmtk.responses().size() > 0);
    }

    @Test
    void cancelAfterTwoResponses() throws IOException {
        for (PeerKind kind : PeerKind.values()) {
            DicomPeer peer = peers.get(kind);
            List<String> options = kind == PeerKind.WORKLIST
                    ? List.of("--cancel", "2", "-k", "PatientName", "-k", "(0040,0100)[0].Modality")
                    : List.of("-S", "--cancel", "2", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID");
            Path dir = Files.createDirectories(work.resolve("cancel-" + kind));
            Run ours = run(peer, dir, options, List.of());
            assertEquals(0, ours.code(), kind + ": " + ours.err());
            assertTrue(ours.err().contains("I: Received Find Response 2 (Pending)\n"
                    + "I: Writing response dataset to file: " + dir + "/rsp0002.dcm\n"
                    + "I: Sending Cancel Request (MsgID 1, PresID 1)\n"), kind + ": " + ours.err());
            String fin = finalStatus(ours.err());
            assertNotNull(fin, ours.err());
            // wlmscpfs ignores C-CANCEL (Success after all matches); dcmqrscp and Orthanc answer Cancel
            assertTrue(fin.equals("Success") || fin.startsWith("Cancel"), kind + ": " + fin);
            assertTrue(ours.err().endsWith("I: Releasing Association\n"), ours.err());
        }
    }

    @Test
    void abortInsteadOfRelease() throws IOException {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        Path dir = Files.createDirectories(work.resolve("abort"));
        Run ours = run(wl, dir, List.of("--abort", "-k", "PatientName"), List.of());
        assertEquals(0, ours.code(), ours.err());
        assertTrue(ours.err().endsWith("I: Received Final Find Response (Success)\nI: Aborting Association\n"),
                ours.err());
        assertFalse(ours.err().contains("Releasing"));
    }

    @Test
    void wrongCalledAeTitleIsRejectedWithTheReasonInWords() {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        Run ours = Run.of("-aec", "NOSUCHAE", "-k", "PatientName", wl.host(), Integer.toString(wl.port()));
        assertEquals(2, ours.code());
        assertEquals("E: Association Rejected:\n"
                + "E: Result: Rejected Permanent, Source: Service User\n"
                + "E: Reason: Called AE Title Not Recognized\n", ours.err());
    }

    @Test
    void closedPortFailsWithExit2() {
        int port = Peers.freePort();
        Run ours = Run.of("-k", "PatientName", "127.0.0.1", Integer.toString(port));
        assertEquals(2, ours.code());
        assertTrue(ours.err().startsWith("E: Association Request Failed: "), ours.err());
        assertTrue(ours.err().contains("Connection refused"), ours.err());
    }

    @Test
    void xmlAndJsonOutputsAreWellFormedAndComplete() throws Exception {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        List<String> keys = List.of("-k", "PatientName", "-k", "PatientID", "-k", "(0040,0100)[0].Modality");
        Path xdir = Files.createDirectories(work.resolve("xx"));
        Run dcm = run(wl, Files.createDirectories(work.resolve("xx-dcm")), keys, List.of());
        int n = DcmtkFindScu.responseFiles(work.resolve("xx-dcm")).size();
        assertEquals(0, dcm.code());
        assertTrue(n > 5, "worklist has matches");

        Run xx = run(wl, xdir, concat(List.of("-Xx"), keys), List.of());
        assertEquals(0, xx.code(), xx.err());
        for (int i = 1; i <= n; i++) {
            Document d = parseXml(xdir.resolve(DicomFileOutput.fileName(i, "xml")));
            assertEquals("data-set", d.getDocumentElement().getTagName());
        }

        Path sdir = Files.createDirectories(work.resolve("xs"));
        Run xs = run(wl, sdir, concat(List.of("-Xs", "all.xml"), keys), List.of());
        assertEquals(0, xs.code(), xs.err());
        Document all = parseXml(sdir.resolve("all.xml"));
        assertEquals("responses", all.getDocumentElement().getTagName());
        assertEquals("C-FIND", all.getDocumentElement().getAttribute("type"));
        assertEquals(n, all.getElementsByTagName("data-set").getLength());

        Path jdir = Files.createDirectories(work.resolve("json"));
        Run j = run(wl, jdir, concat(List.of("-J", "-Xlo", "3"), keys), List.of());
        assertEquals(0, j.code(), j.err());
        List<Path> dicomFiles = DcmtkFindScu.responseFiles(work.resolve("xx-dcm"));
        for (int i = 1; i <= 3; i++) {
            Attributes json = new JsonReader().readDataSet(
                    Files.readString(jdir.resolve(DicomFileOutput.fileName(i, "json"))));
            Attributes dicom = Part10.read(dicomFiles.get(i - 1), DecodeLimits.DEFAULT).dataSet();
            assertNotNull(json.getString(Tag.PatientName), "rsp" + i);
            assertEquals(dicom.getString(Tag.PatientName), json.getString(Tag.PatientName), "rsp" + i);
            assertEquals(dicom.getString(Tag.PatientID), json.getString(Tag.PatientID), "rsp" + i);
            assertEquals(dicom.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(Tag.Modality),
                    json.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(Tag.Modality), "rsp" + i);
        }
        assertFalse(Files.exists(jdir.resolve("rsp0004.json")), "-Xlo 3");
    }

    /**
     * {@code -Xx} and {@code -Xs} files byte for byte as DCMTK findscu writes them for the same query, and the same
     * {@code -v} log. One difference is allowed: DCMTK 3.6.7 cannot convert ISO 2022 IR 87 to UTF-8 for {@code -Xs},
     * logs "E: Writing XML file: ..." and leaves that response out; we convert it. Those responses are taken out of
     * our document, and the error lines and DCMTK's warnings that it cannot name ISO 2022 as an XML encoding out of
     * its log, before comparing.
     */
    @Test
    void xmlOutputsAreTheSameBytesAsDcmtks() throws IOException {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        List<String> keys = List.of("-k", "SpecificCharacterSet", "-k", "PatientName", "-k", "PatientID",
                "-k", "(0040,0100)[0].Modality", "-k", "(0040,0100)[0].ScheduledStationAETitle",
                "-k", "ReferencedStudySequence");
        for (List<String> option : List.of(List.of("-Xx"), List.of("-Xs", "all.xml"))) {
            List<String> args = concat(option, keys);
            FindScuResult dcmtk = DcmtkFindScu.run(wl, args, List.of(), work.resolve("xml-dcmtk" + option.size()));
            Path dir = Files.createDirectories(work.resolve("xml-ours" + option.size()));
            Run ours = run(wl, dir, args, List.of());
            assertEquals(0, ours.code(), ours.err());
            List<Integer> unconverted = responsesDcmtkCouldNotWrite(dcmtk.stderr());
            // DCMTK's own limitation, not the peer's data: it names no XML encoding for ISO 2022 and says so
            String dcmtkLog = dcmtk.stderr().replaceAll("(?m)^E: Writing XML file: .*\n", "")
                    .replaceAll("(?m)^W: SpecificCharacterSet \\(0008,0005\\) value '.*' not supported\n", "")
                    .replaceAll("(?m)^[EW]: DcmSpecificCharacterSet: .*\n", "");
            assertSameLog(dcmtkLog, ours.err(), option.toString());
            List<String> names = xmlFiles(dcmtk.outputDirectory());
            assertEquals(names, xmlFiles(dir), option.toString());
            assertTrue(names.size() >= (option.size() == 1 ? 20 : 1), names.toString());
            for (String name : names) {
                String expected = Files.readString(dcmtk.outputDirectory().resolve(name), StandardCharsets.ISO_8859_1);
                String actual = Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
                if (option.size() == 2) {
                    assertEquals(2, unconverted.size(), "the two ISO 2022 IR 87 items: " + dcmtk.stderr());
                    actual = withoutDataSets(actual, unconverted);
                } else {
                    assertTrue(unconverted.isEmpty(), dcmtk.stderr());
                    // DCMTK writes ISO 2022 escapes as &#27;, which XML 1.0 forbids; ours are well-formed
                    parseStrictXml10(dir.resolve(name));
                    assertEquals(expected.contains("&#27;"), actual.contains(" binary=\"base64\">"), name);
                    actual = asDcmtkWritesIt(actual);
                }
                assertEquals(expected, actual, option + " " + name);
            }
        }
    }

    private static final Pattern BASE64_ELEMENT = Pattern.compile(
            "<element ([^>]*) vr=\"(..)\"([^>]*) binary=\"base64\">([^<]*)</element>");

    /**
     * Our document with each value written as base64 (a value XML 1.0 cannot carry, docs/robustness.md) rendered
     * the way DCMTK writes text in a document without declared encoding: trimmed, markup as entities, non-ASCII and
     * control bytes as {@code &#nnn;}. Equal to DCMTK's file only if the base64 holds exactly the bytes DCMTK shows.
     */
    private static String asDcmtkWritesIt(String doc) {
        Matcher m = BASE64_ELEMENT.matcher(doc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            byte[] b = java.util.Base64.getDecoder().decode(m.group(4));
            int end = b.length;
            while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
                end--;
            }
            int start = 0;
            if (!List.of("LT", "ST", "UT", "UR").contains(m.group(2))) {
                while (start < end && b[start] == ' ') {
                    start++;
                }
            }
            StringBuilder text = new StringBuilder();
            for (int k = start; k < end; k++) {
                int c = b[k] & 0xFF;
                text.append(switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    case '\'' -> "&apos;";
                    default -> c >= 0x80 || c < 0x20 ? "&#" + c + ";" : String.valueOf((char) c);
                });
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("<element " + m.group(1) + " vr=\"" + m.group(2) + "\""
                    + m.group(3) + ">" + text + "</element>"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A strict XML 1.0 parse (SAX, streaming), as xmllint --noout does. */
    static void parseStrictXml10(Path f) throws IOException {
        try {
            javax.xml.parsers.SAXParserFactory.newInstance().newSAXParser().parse(f.toFile(),
                    new org.xml.sax.helpers.DefaultHandler() {
                        @Override
                        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                            throw e;
                        }
                    });
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(f + " is not well-formed XML 1.0: " + e.getMessage(), e);
        }
    }

    /** The response numbers after which DCMTK logged "E: Writing XML file: ..." (its iconv could not convert). */
    private static List<Integer> responsesDcmtkCouldNotWrite(String log) {
        List<Integer> numbers = new ArrayList<>();
        int current = 0;
        for (String line : log.split("\n")) {
            Matcher m = RECEIVED.matcher(line);
            if (m.lookingAt()) {
                current = Integer.parseInt(m.group(1));
            } else if (line.startsWith("E: Writing XML file: ")) {
                numbers.add(current);
            }
        }
        return numbers;
    }

    /** The -Xs document without the {@code <data-set>} elements of the given response numbers (1-based). */
    private static String withoutDataSets(String doc, List<Integer> numbers) {
        String[] parts = doc.split("(?=<data-set )", -1);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            if (!numbers.contains(k)) {
                sb.append(parts[k]);
            } else if (k == parts.length - 1) {
                sb.append(parts[k].substring(parts[k].indexOf("</data-set>\n") + "</data-set>\n".length()));
            }
        }
        return sb.toString();
    }

    /**
     * {@code -d}: the A-ASSOCIATE-RQ/AC parameter blocks, the DIMSE message blocks and the message lines around them
     * as DCMTK findscu prints them. Left out on both sides: each tool's internal debug lines (DCMTK's PDU hex dumps,
     * dictionary loading, socket timeouts; our network layer's one-line PDU summaries) and our own implementation
     * class UID and version name.
     */
    @Test
    void debugLogHasDcmtksAssociationAndDimseBlocks() {
        DicomPeer wl = peers.get(PeerKind.WORKLIST);
        List<String> keys = List.of("-k", "PatientName=MOZART*", "-k", "(0040,0100)[0].Modality");
        List<String> cmd = new ArrayList<>(List.of("findscu", "-d"));
        cmd.addAll(keys);
        cmd.addAll(wl.connectionArguments());
        Peers.ExecResult dcmtk = Peers.exec(cmd, work);
        assertEquals(0, dcmtk.exitCode(), dcmtk.stderr());
        List<String> args = new ArrayList<>(List.of("-d"));
        args.addAll(keys);
        args.addAll(wl.connectionArguments());
        Run ours = Run.of(args.toArray(String[]::new));
        assertEquals(0, ours.code(), ours.err());
        String expected = debugBlocks(dcmtk.stderr());
        assertTrue(expected.contains("D: ===================== INCOMING DIMSE MESSAGE ===================="), expected);
        assertTrue(expected.contains("D: Response Identifiers:"), expected);
        assertEquals(expected, debugBlocks(ours.err()));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Run run(DicomPeer peer, Path dir, List<String> options, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("-v", "-X", "-od", dir.toString()));
        args.addAll(options);
        args.addAll(peer.connectionArguments());
        files.forEach(f -> args.add(f.toString()));
        // the extract option given in options (e.g. -Xx) comes after -X and wins, as in findscu
        return Run.of(args.toArray(String[]::new));
    }

    /** Line by line, after {@link #normalise}; the message shows the first differing line of each side. */
    static void assertSameLog(String dcmtk, String ours, String context) {
        List<String> a = normalise(dcmtk).lines().toList();
        List<String> b = normalise(ours).lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end>";
            String y = i < b.size() ? b.get(i) : "<end>";
            if (!x.equals(y)) {
                throw new AssertionError("log at -v differs for " + context + " at line " + (i + 1)
                        + ":\n  DCMTK: " + x + "\n  ours:  " + y);
            }
        }
    }

    private static List<String> xmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        }
    }

    private static final Pattern DUMP_LINE = Pattern.compile("D: (# .*|\\s*\\([0-9a-f]{4},[0-9a-f]{4}\\) .*)");

    /**
     * The lines of a {@code -d} log both tools print: every {@code I:}/{@code W:}/{@code E:} line, the D: blocks
     * between BEGIN/END banners, the "Request Parameters:" style headings, and the identifier dumps with their empty
     * framing lines; our implementation's own UID and version name are replaced.
     */
    static String debugBlocks(String log) {
        StringBuilder sb = new StringBuilder();
        boolean inBlock = false;
        boolean inDump = false;
        for (String line : log.replace("\r\n", "\n").split("\n")) {
            if (!line.startsWith("D:")) {
                inDump = false;
                sb.append(line).append('\n');
                continue;
            }
            boolean banner = line.matches("D: =+ (BEGIN|END|OUTGOING|INCOMING) .*=+");
            if (banner) {
                inBlock = !line.contains(" END ");
                sb.append(line).append('\n');
                continue;
            }
            if (inBlock) {
                sb.append(line.replaceAll("^(D: Our Implementation (Class UID|Version Name): +).*$", "$1OURS"))
                        .append('\n');
            } else if (line.equals("D: Request Parameters:") || line.equals("D: Association Parameters Negotiated:")
                    || line.equals("D: Response Identifiers:")) {
                inDump = line.equals("D: Response Identifiers:");
                sb.append(line).append('\n');
            } else if (inDump && (line.equals("D: ") || DUMP_LINE.matcher(line).matches())) {
                sb.append(line).append('\n');
            } else {
                inDump = false;
            }
        }
        return sb.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String finalStatus(String log) {
        Matcher m = FINAL.matcher(log);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Parses a findscu XML file. For character sets it cannot name (ISO 2022), DCMTK declares no encoding and writes
     * the escape sequences as {@code &#27;}, which only XML 1.1 allows; such documents are parsed as XML 1.1.
     */
    private static Document parseXml(Path f) throws Exception {
        byte[] bytes = Files.readAllBytes(f);
        String undeclared = "<?xml version=\"1.0\"?>";
        if (new String(bytes, 0, Math.min(bytes.length, undeclared.length()), StandardCharsets.US_ASCII)
                .equals(undeclared)) {
            bytes[17] = '1'; // version="1.1"
        }
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(bytes));
    }

    /**
     * What may differ between DCMTK's log and ours: the peer's PDU size in "Max Send PDV", the -od directory of the
     * two runs in "Writing response dataset to file:" and "Writing all response datasets to file:", and text values with non-ASCII characters (DCMTK logs the raw
     * bytes of the data set's character set, we log the decoded text; the column padding, counted in bytes by both,
     * stays compared). Everything else - values with their padding, sequence and item lengths, explicit or undefined
     * length wording - must be the same.
     */
    static String normalise(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.replace("\r\n", "\n").split("\n")) {
            line = line.replaceAll("Max Send PDV: \\d+", "Max Send PDV: N");
            line = line.replaceAll("(Writing (?:response dataset|all response datasets) to file: ).*/([^/]+)$",
                    "$1DIR/$2");
            // DCMTK logs text values as raw bytes; we log them decoded (Unicode): compare only ASCII values
            Matcher v = NON_ASCII_VALUE.matcher(line);
            if (v.matches() && !v.group(2).chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                line = v.group(1) + "<non-ASCII>" + v.group(3);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
