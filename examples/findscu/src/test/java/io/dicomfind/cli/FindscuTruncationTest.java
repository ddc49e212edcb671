package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.OrthancPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 5 against a real Orthanc with {@code LimitFindResults 7} (40 studies): DCMTK findscu exits 0 with 7
 * matches and the user believes the list complete; we warn, naming the SCP and the count, and exit 7.
 */
class FindscuTruncationTest {
    private static final int LIMIT = 7;
    static OrthancPeer orthanc;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        orthanc = OrthancPeer.startWithFindLimit(LIMIT);
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    static List<String> studies(String... more) {
        List<String> a = new ArrayList<>(List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                "-k", "StudyDate"));
        a.addAll(List.of(more));
        return a;
    }

    static CommandLineParserTest.Run ours(Path dir, List<String> args) throws Exception {
        Files.createDirectories(dir);
        List<String> all = new ArrayList<>(List.of("-X", "-od", dir.toString()));
        all.addAll(args);
        all.addAll(orthanc.connectionArguments());
        return CommandLineParserTest.Run.of(all.toArray(String[]::new));
    }

    @Test
    void anUnsolicitedCancelIsAWarningAndExitSeven() throws Exception {
        FindScuResult dcmtk = DcmtkFindScu.run(orthanc, studies(), List.of(), tmp.resolve("dcmtk"));
        assertEquals(0, dcmtk.exitCode(), dcmtk::describe);
        assertEquals(LIMIT, dcmtk.responses().size(), "DCMTK gets the truncated list and exits 0");

        Path dir = tmp.resolve("ours");
        CommandLineParserTest.Run r = ours(dir, studies());
        assertEquals(ExitCodes.TRUNCATED_BY_SCP, r.code(), r.err());
        assertEquals(7, ExitCodes.TRUNCATED_BY_SCP, "documented in docs/findscu.md");
        assertTrue(r.err().contains("W: SCP ORTHANC@" + orthanc.host() + ":" + orthanc.port() + " truncated the"
                + " answer: it ended the C-FIND with Cancel (FE00) after 7 matches although no C-CANCEL was sent;"
                + " the list is incomplete (query (keys))"), r.err());
        assertEquals(LIMIT, DcmtkFindScu.responseFiles(dir).size(), "the matches received are still written");
    }

    @Test
    void anAnswerWithinTheLimitIsExitZeroWithoutWarning() throws Exception {
        CommandLineParserTest.Run r = ours(tmp.resolve("within"), studies("-k", "StudyDate=20190101-20190301"));
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("truncated"), r.err());
        assertEquals(2, DcmtkFindScu.responseFiles(tmp.resolve("within")).size());
    }

    static java.util.List<String> studyUids(Path dir) throws Exception {
        java.util.List<String> uids = new ArrayList<>();
        for (Path f : DcmtkFindScu.responseFiles(dir)) {
            uids.add(io.dicomfind.dicom.io.Part10.read(f, io.dicomfind.dicom.io.DecodeLimits.DEFAULT).dataSet()
                    .getString(io.dicomfind.dicom.data.Tag.StudyInstanceUID).strip());
        }
        return uids;
    }

    static java.util.Set<String> expectedUids(java.util.function.Predicate<String> date) {
        return io.dicomfind.peers.PacsData.standard().studies().stream().filter(s -> date.test(s.date()))
                .map(io.dicomfind.peers.PacsData.Study::uid).collect(java.util.stream.Collectors.toSet());
    }

    /** Issue 14 item 6: the union of the split queries is the uncapped answer, each study once. */
    @Test
    void resultCapSplitsOnStudyDateUntilEveryPartIsBelowTheCap() throws Exception {
        Path dir = tmp.resolve("split");
        CommandLineParserTest.Run r = ours(dir, studies("-v", "--result-cap", String.valueOf(LIMIT),
                "--split-earliest", "20180101"));
        assertEquals(0, r.code(), r.err());
        java.util.List<String> uids = studyUids(dir);
        assertEquals(40, uids.size(), "every study, none twice: " + r.err());
        assertEquals(expectedUids(d -> true), new java.util.HashSet<>(uids));
        assertTrue(r.err().contains("I: Split query: ") && r.err().contains(" C-FINDs, 40 distinct matches"),
                r.err());
        assertFalse(r.err().contains("still truncates"), r.err());
    }

    @Test
    void resultCapWithinAGivenRangeAndTheWorklistDefaultKey() throws Exception {
        Path dir = tmp.resolve("split2020");
        CommandLineParserTest.Run r = ours(dir, studies("-k", "StudyDate=20200101-20201231", "--result-cap", "4"));
        assertEquals(0, r.code(), r.err());
        java.util.List<String> uids = studyUids(dir);
        assertEquals(10, uids.size(), r.err());
        assertEquals(expectedUids(d -> d.startsWith("2020")), new java.util.HashSet<>(uids));

        CommandLineParserTest.Run bad = ours(tmp.resolve("bad"), studies("--split-key", "StudyDate"));
        assertEquals(ExitCodes.COMMAND_LINE, bad.code(), bad.err());
        assertTrue(bad.err().contains("--split-key only allowed with --result-cap"), bad.err());
    }

    @Test
    void ourOwnCancelIsNoTruncation() throws Exception {
        CommandLineParserTest.Run r = ours(tmp.resolve("cancel"), studies("--cancel", "2", "-v"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Sending Cancel Request"), r.err());
        assertFalse(r.err().contains("truncated"), r.err());
    }
}
