package io.dicomfind.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-test of the real-peer harness: starts wlmscpfs, dcmqrscp and Orthanc once, runs DCMTK findscu over the whole
 * {@link QueryCorpus} and checks every answer against the data model, then checks that closing the peers leaves no
 * process behind. A missing peer binary fails the class (it is never skipped).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerHarnessTest {

    private PeerSet peers;

    @TempDir
    Path work;

    @BeforeAll
    void startPeers() {
        long t0 = System.nanoTime();
        PacsData.standardFiles();
        long t1 = System.nanoTime();
        peers = PeerSet.startAll();
        long t2 = System.nanoTime();
        System.out.printf("generate %d files: %d ms; start all peers in parallel incl. loading: %d ms (dcmqrscp"
                + " storescu %d ms, Orthanc REST %d ms)%n", PacsData.standardFiles().size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, peers.queryRetrieve().loadTime().toMillis(),
                peers.orthanc().loadTime().toMillis());
    }

    @AfterAll
    void stopPeers() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (DicomPeer p : peers.all()) {
            handles.addAll(p.process().handles());
        }
        peers.close();
        for (ProcessHandle h : handles) {
            assertFalse(h.isAlive(), "process " + h.pid() + " still alive after close");
        }
        for (DicomPeer p : peers.all()) {
            assertFalse(Files.exists(p.directory()), "temp dir of " + p + " not removed");
            assertFalse(accepts(p.port()), p + " still accepts connections after close");
        }
    }

    @Test
    void corpusCoversEveryPeerModelAndLevel() {
        List<CorpusQuery> all = QueryCorpus.all();
        assertTrue(all.size() >= 25, "corpus has only " + all.size() + " queries");
        Set<PeerKind> kinds = EnumSet.noneOf(PeerKind.class);
        all.forEach(q -> kinds.add(q.peer()));
        assertEquals(EnumSet.allOf(PeerKind.class), kinds);
        String joined = String.join(" ", all.stream().flatMap(q -> q.arguments().stream()).toList());
        for (String needle : List.of("-P", "-S", "-O", "-W", "=PATIENT", "=STUDY", "=SERIES", "=IMAGE", "*", "?",
                "-20201231", "20200101-20201231", "\\", "(0040,0100)[0].", "ISO 2022 IR 87")) {
            assertTrue(joined.contains(needle), "corpus lacks " + needle);
        }
        Set<String> charsets = new java.util.TreeSet<>();
        all.stream().filter(q -> q.queryFile() != null).forEach(q -> charsets.add(q.queryFile()
                .specificCharacterSet()));
        assertEquals(Set.of("ISO_IR 100", "ISO_IR 192", "ISO 2022 IR 6\\ISO 2022 IR 87"), charsets);
    }

    @TestFactory
    Stream<DynamicTest> dcmtkFindscuAnswersEveryCorpusQueryAsModelled() {
        return QueryCorpus.all().stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            FindScuResult r = DcmtkFindScu.run(peers.get(q.peer()), q, work);
            System.out.printf("%-40s %4d responses %6d ms%n", q.name(), r.responses().size(),
                    r.elapsed().toMillis());
            assertTrue(r.isSuccess(), q + " did not succeed:\n" + r.describe());
            assertEquals(q.expectedResponses(), r.pendingResponses(), q + ": pending responses\n" + r.describe());
            assertEquals(q.expectedResponses(), r.responses().size(), q + ": extracted responses\n" + r.describe());
            for (var e : q.expectedDistinctValues().entrySet()) {
                assertEquals(e.getValue(), r.responses().distinctValues(e.getKey()),
                        q + ": values of " + e.getKey() + "\n" + r.responses());
            }
            for (CanonicalDataSet ds : r.responses().dataSets()) {
                for (String line : ds.lines()) {
                    assertFalse(line.contains("\uFFFD"), q + ": undecodable value in " + ds.source() + ": " + line);
                }
            }
        }));
    }

    @Test
    void sameQueryTwiceGivesEqualResponseSets() {
        CorpusQuery q = QueryCorpus.named("wl-all-character-sets");
        ResponseSet a = DcmtkFindScu.run(peers.get(q.peer()), q, work.resolve("a")).responses();
        ResponseSet b = DcmtkFindScu.run(peers.get(q.peer()), q, work.resolve("b")).responses();
        assertEquals(a, b);
        assertEquals("", a.diff(b));
        a.assertSameAs(b, q.name());
    }

    @Test
    void diffNamesTheDifferingLines() {
        CorpusQuery q = QueryCorpus.named("qr-patient-root-studies-of-patient");
        ResponseSet a = DcmtkFindScu.run(peers.get(q.peer()), q, work.resolve("c")).responses();
        List<CanonicalDataSet> changed = new ArrayList<>(a.dataSets());
        CanonicalDataSet first = changed.remove(0);
        List<String> lines = new ArrayList<>(first.lines());
        lines.replaceAll(l -> l.startsWith("(0008,0050) ") ? "(0008,0050) SH [WRONG]" : l);
        changed.add(new CanonicalDataSet(lines, null));
        ResponseSet b = new ResponseSet(changed);
        assertNotEquals(a, b);
        AssertionError error = assertThrows(AssertionError.class, () -> a.assertSameAs(b, "changed"));
        assertTrue(error.getMessage().contains("+ (0008,0050) SH [WRONG]"), error.getMessage());
        String diff = a.diff(b);
        assertTrue(diff.contains("- (0008,0050) SH [" + first.value("(0008,0050)").orElseThrow() + "]"), diff);
        assertTrue(diff.contains("+ (0008,0050) SH [WRONG]"), diff);
    }

    @Test
    void canonicalFormDecodesEachCharacterSetAndFlattensSequences() throws IOException {
        Path dir = Files.createDirectories(work.resolve("canon"));
        Path jp = new DumpFile("\\ISO 2022 IR 87")
                .element("0010,0010", "PN", "Yamada^Tarou=山田^太郎=やまだ^たろう  ")
                .emptySequence("0008,1110")
                .sequence("0040,0100").item().element("0040,0001", "AE", " CT01 \\MR01").endItem()
                .item().endItem().endSequence()
                .element("0010,0020", "LO", "")
                .writeDicom(dir.resolve("jp.dcm"));
        CanonicalDataSet ds = DcmDumpCanonicalizer.canonicalize(jp);
        assertEquals(List.of(
                "(0008,0005) CS [\\ISO 2022 IR 87]",
                "(0008,1110) SQ",
                "(0010,0010) PN [Yamada^Tarou=山田^太郎=やまだ^たろう]",
                "(0010,0020) LO []",
                "(0040,0100) SQ",
                "(0040,0100)[0]",
                "(0040,0100)[0].(0040,0001) AE [CT01\\MR01]",
                "(0040,0100)[1]"), ds.lines());
        Path latin1 = new DumpFile("ISO_IR 100").element("0010,0010", "PN", "Müller^Jürgen")
                .writeDicom(dir.resolve("l1.dcm"));
        assertEquals(List.of("(0008,0005) CS [ISO_IR 100]", "(0010,0010) PN [Müller^Jürgen]"),
                DcmDumpCanonicalizer.canonicalize(latin1).lines());
    }

    @Test
    void missingBinaryFailsWithInstallCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Peers.binary("no-such-dicom-peer-binary"));
        assertTrue(e.getMessage().contains("apt-get install -y dcmtk orthanc"), e.getMessage());
    }

    @Test
    void closingAPeerEndsItsProcessesAndFreesItsPort() {
        WorklistScp scp = WorklistScp.start();
        List<ProcessHandle> handles;
        try {
            FindScuResult r = DcmtkFindScu.run(scp, QueryCorpus.named("wl-no-match"), work.resolve("close"));
            assertTrue(r.isSuccess(), r.describe());
            handles = scp.process().handles();
        } finally {
            scp.close();
        }
        handles.forEach(h -> assertFalse(h.isAlive(), "pid " + h.pid() + " alive after close"));
        assertFalse(accepts(scp.port()), "port " + scp.port() + " still open");
        assertFalse(Files.exists(scp.directory()));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(Peers.LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
