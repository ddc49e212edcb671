package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.cli.CommandLineParserTest.Run;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.util.json.Jsoner;
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
        assertEquals(dcmtk.finalStatus(), finalStatus(ours.err()), q.toString());
        boolean failed = dcmtk.finalStatus() != null && (dcmtk.finalStatus().startsWith("Failed")
                || dcmtk.finalStatus().startsWith("Refused"));
        assertEquals(failed ? ExitCodes.QUERY_FAILED : dcmtk.exitCode(), ours.code(), ours.err());
        assertSameLog(dcmtk.stderr(), ours.err(), q.toString());
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
        for (int i = 1; i <= 3; i++) {
            Object o = Jsoner.deserialize(Files.readString(jdir.resolve(DicomFileOutput.fileName(i, "json"))));
            assertTrue(o instanceof java.util.Map<?, ?> m && m.containsKey("00100010")
                    && m.containsKey("00400100"), String.valueOf(o));
        }
        assertFalse(Files.exists(jdir.resolve("rsp0004.json")), "-Xlo 3");
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

    private static Document parseXml(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    /**
     * What may differ between DCMTK's log and ours: the peer's PDU size in "Max Send PDV", the -od directory of the
     * two runs in "Writing response dataset to file:", lengths of sequences and
     * items (DCMTK shows what it read, 0 for sequences it built from -k; we show our encoding's), explicit vs.
     * undefined length wording, one padding space inside values (our reader trims UIDs; DCMTK pads a request
     * value in place when it first sends it, so a repeated request shows "[* ]" where the first showed "[*]"), and values with non-ASCII
     * characters (DCMTK logs the raw bytes of the data set's character set, we log the decoded text). Lines of warnings both tools
     * print about the peer's data are kept.
     */
    static String normalise(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.replace("\r\n", "\n").split("\n")) {
            line = line.replaceAll("Max Send PDV: \\d+", "Max Send PDV: N");
            line = line.replaceAll("(Writing response dataset to file: ).*/(rsp\\d+\\.\\w+)$", "$1DIR/$2");
            line = line.replaceAll("with (explicit|undefined) length #=", "with length #=");
            line = line.replace(" for re-encoding)", ")").replace(" for re-encod.)", ")");
            if (line.matches("I: +\\((?:[0-9a-f]{4},[0-9a-f]{4})\\) (SQ|na) .*")) {
                line = line.replaceAll("#\\s*(\\d+|u/l),", "# L,");
            }
            Matcher m = Pattern.compile("^(I: +\\([0-9a-f]{4},[0-9a-f]{4}\\) [A-Z]{2} \\[)([^\\]]*?) ?(\\].*)$").matcher(line);
            if (m.matches()) {
                line = m.group(1) + m.group(2) + m.group(3);
            }
            // DCMTK logs text values as raw bytes; we log them decoded (Unicode): compare only ASCII values
            Matcher v = Pattern.compile("^(I: +\\([0-9a-f]{4},[0-9a-f]{4}\\) [A-Z]{2} \\[)(.*)(\\] +#.*)$").matcher(line);
            if (v.matches() && !v.group(2).chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                line = v.group(1) + "<non-ASCII>" + v.group(3);
            }
            line = line.replaceAll("\\s+#", " #");
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
