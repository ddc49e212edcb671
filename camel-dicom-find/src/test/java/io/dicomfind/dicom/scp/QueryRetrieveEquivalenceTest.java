package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.peers.CorpusQuery;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.PeerKind;
import io.dicomfind.peers.QueryCorpus;
import io.dicomfind.peers.QueryRetrieveScp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DCMTK findscu as the client: our SCP serving the Part-10 files dcmqrscp was loaded with gives the same answers as
 * dcmqrscp for every Patient Root, Study Root and Patient/Study Only query of the corpus.
 */
class QueryRetrieveEquivalenceTest {
    @TempDir
    static Path tmp;
    static QueryRetrieveScp dcmqrscp;
    static EmbeddedFindScp ours;
    static EmbeddedPeer oursPeer;

    @BeforeAll
    static void start() throws Exception {
        dcmqrscp = QueryRetrieveScp.start();
        Path files = PacsData.standardFiles().get(0).getParent();
        ours = EmbeddedFindScp.builder().aeTitle(QueryRetrieveScp.AE_TITLE).studies(files)
                .supportedKeys(SupportedKeys.DCMQRSCP).start();
        oursPeer = new EmbeddedPeer(ours, PeerKind.QUERY_RETRIEVE, tmp);
    }

    @AfterAll
    static void stop() {
        if (ours != null) {
            ours.close();
        }
        if (dcmqrscp != null) {
            dcmqrscp.close();
        }
    }

    static List<CorpusQuery> queryRetrieveQueries() {
        return QueryCorpus.forPeer(PeerKind.QUERY_RETRIEVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryRetrieveQueries")
    void sameAnswersAsDcmqrscp(CorpusQuery query) {
        FindScuResult expected = DcmtkFindScu.run(dcmqrscp, query, tmp.resolve("dcmqrscp"));
        FindScuResult actual = DcmtkFindScu.run(oursPeer, query, tmp.resolve("ours"));
        assertEquals("Success", expected.finalStatus(), expected::describe);
        assertEquals(query.expectedResponses(), expected.responses().size(), expected::describe);
        assertEquals(expected.finalStatus(), actual.finalStatus(), actual::describe);
        assertEquals(0, actual.exitCode(), actual::describe);
        expected.responses().assertSameAs(actual.responses(), query.name() + " (expected dcmqrscp, actual ours)");
    }
}
