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
}
