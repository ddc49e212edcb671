package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dicomfind.peers.CorpusQuery;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.PeerKind;
import io.dicomfind.peers.QueryCorpus;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DCMTK findscu as the client: our SCP serving wlmscpfs's own worklist files gives the same answers as wlmscpfs for
 * every worklist query of the corpus (same response identifiers, same final status).
 */
class WorklistEquivalenceTest {
    @TempDir
    static Path tmp;
    static WorklistScp wlmscpfs;
    static EmbeddedFindScp ours;
    static EmbeddedPeer oursPeer;

    @BeforeAll
    static void start() throws Exception {
        wlmscpfs = WorklistScp.start();
        // the very files wlmscpfs serves: WLDIR/<AE title>/*.wl
        Path files = wlmscpfs.directory().resolve("db").resolve(WorklistData.AE_TITLE);
        ours = EmbeddedFindScp.builder().aeTitle(WorklistData.AE_TITLE).worklist(files).start();
        oursPeer = new EmbeddedPeer(ours, PeerKind.WORKLIST, tmp);
    }

    @AfterAll
    static void stop() {
        if (ours != null) {
            ours.close();
        }
        if (wlmscpfs != null) {
            wlmscpfs.close();
        }
    }

    static List<CorpusQuery> worklistQueries() {
        return QueryCorpus.forPeer(PeerKind.WORKLIST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worklistQueries")
    void sameAnswersAsWlmscpfs(CorpusQuery query) {
        FindScuResult expected = DcmtkFindScu.run(wlmscpfs, query, tmp.resolve("wlmscpfs"));
        FindScuResult actual = DcmtkFindScu.run(oursPeer, query, tmp.resolve("ours"));
        assertEquals("Success", expected.finalStatus(), expected::describe);
        assertEquals(query.expectedResponses(), expected.responses().size(), expected::describe);
        assertEquals(expected.finalStatus(), actual.finalStatus(), actual::describe);
        assertEquals(0, actual.exitCode(), actual::describe);
        expected.responses().assertSameAs(actual.responses(), query.name() + " (expected wlmscpfs, actual ours)");
    }

    @Test
    void corpusHasWorklistQueries() {
        assertFalse(worklistQueries().isEmpty());
    }

    /** Beyond the corpus (with the expected count where it documents a behaviour, else -1): case of PN, multi-valued keys in stored items, transfer syntaxes. */
    static Stream<Arguments> moreQueries() {
        return Stream.of(
                Arguments.of("pn-lower-case", 0, List.of("-W", "-k", "PatientName=doe*", "-k", "PatientID")),
                Arguments.of("pn-exact-lower-case", 0, List.of("-W", "-k", "PatientName=haydn^franz^joseph")),
                Arguments.of("station-of-multi-valued", -1, List.of("-W", "-k",
                        "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=NN77", "-k", "AccessionNumber")),
                Arguments.of("time-range-in-sequence", -1, List.of("-W", "-k",
                        "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=090000-140000", "-k",
                        "PatientID")),
                Arguments.of("implicit-le", -1, List.of("-xi", "-W", "-k", "PatientName", "-k",
                        "ScheduledProcedureStepSequence[0].Modality")),
                Arguments.of("explicit-be", -1, List.of("-xb", "-W", "-k", "PatientName", "-k", "PatientID")),
                Arguments.of("deflated", -1, List.of("-xd", "-W", "-k", "AccessionNumber", "-k",
                        "ScheduledProcedureStepSequence[0].ScheduledStationAETitle")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreQueries")
    void sameAnswersBeyondTheCorpus(String name, int expectedCount, List<String> args) {
        FindScuResult expected = DcmtkFindScu.run(wlmscpfs, args, List.of(), tmp.resolve("more-wlmscpfs/" + name));
        FindScuResult actual = DcmtkFindScu.run(oursPeer, args, List.of(), tmp.resolve("more-ours/" + name));
        assertEquals(expected.finalStatus(), actual.finalStatus(),
                () -> "wlmscpfs: " + expected.describe() + "\nours: " + actual.describe());
        expected.responses().assertSameAs(actual.responses(), name + " (expected wlmscpfs, actual ours)");
        if (expectedCount >= 0) {
            // e.g. DCMTK matches PN case-sensitively: a lower-case key finds nothing
            assertEquals(expectedCount, expected.responses().size(), expected::describe);
        }
    }
}
