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
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
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

    /** Beyond the corpus (with the expected count where it documents a behaviour, else -1): case of PN, transfer syntaxes, and Identifiers dcmqrscp refuses (same final status). */
    static Stream<Arguments> moreQueries() {
        String study0 = PacsData.standard().study(0).uid();
        return Stream.of(
                Arguments.of("pn-lower-case", 0, List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName=doe*",
                        "-k", "StudyInstanceUID")),
                Arguments.of("pn-exact-lower-case", 0, List.of("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                        "PatientName=doe^john", "-k", "PatientID")),
                Arguments.of("implicit-le", -1, List.of("-xi", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                        "StudyDate=20200101-", "-k", "PatientName", "-k", "StudyInstanceUID")),
                Arguments.of("explicit-be", -1, List.of("-xb", "-P", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                        "PatientName", "-k", "PatientID", "-k", "PatientBirthDate")),
                Arguments.of("deflated", -1, List.of("-xd", "-S", "-k", "QueryRetrieveLevel=SERIES", "-k",
                        "StudyInstanceUID=" + study0, "-k", "SeriesInstanceUID", "-k", "Modality")),
                Arguments.of("missing-level", -1, List.of("-S", "-k", "PatientName", "-k", "StudyInstanceUID")),
                Arguments.of("series-without-study-uid", -1, List.of("-S", "-k", "QueryRetrieveLevel=SERIES", "-k",
                        "SeriesInstanceUID")),
                Arguments.of("patient-level-in-study-root", -1, List.of("-S", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                        "PatientID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreQueries")
    void sameAnswersBeyondTheCorpus(String name, int expectedCount, List<String> args) {
        FindScuResult expected = DcmtkFindScu.run(dcmqrscp, args, List.of(), tmp.resolve("more-dcmqrscp/" + name));
        FindScuResult actual = DcmtkFindScu.run(oursPeer, args, List.of(), tmp.resolve("more-ours/" + name));
        assertEquals(expected.finalStatus(), actual.finalStatus(),
                () -> "dcmqrscp: " + expected.describe() + "\nours: " + actual.describe());
        expected.responses().assertSameAs(actual.responses(), name + " (expected dcmqrscp, actual ours)");
        if (expectedCount >= 0) {
            // e.g. DCMTK matches PN case-sensitively: a lower-case key finds nothing
            assertEquals(expectedCount, expected.responses().size(), expected::describe);
        }
    }
}
