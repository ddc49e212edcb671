package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.peers.OrthancPeer;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 in Camel, against a real Orthanc with {@code LimitFindResults 7} (40 studies): the producer's
 * result and every exchange of the consumer's poll say the SCP truncated the answer and that it is incomplete.
 */
class DicomFindScpTruncationTest extends CamelTestSupport {
    private static final int LIMIT = 7;
    private static OrthancPeer orthanc;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startPeer() {
        orthanc = OrthancPeer.startWithFindLimit(LIMIT);
    }

    @AfterAll
    static void stopPeer() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    private static String studies(String more) {
        return "dicomfind:" + orthanc.calledAeTitle() + "@" + orthanc.host() + ":" + orthanc.port()
                + "?model=study&queryRetrieveLevel=STUDY&key.StudyInstanceUID=" + more;
    }

    @Test
    void producerResultSaysTruncatedByTheScpAndIncomplete() {
        Exchange out = template.request(studies(""), e -> { });
        assertEquals(LIMIT, out.getMessage().getBody(List.class).size());
        assertEquals(DimseStatus.CANCEL, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED_BY_SCP));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.COMPLETE));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED), "not our maxResults");
        List<?> warnings = out.getMessage().getHeader(DicomFindConstants.WARNINGS, List.class);
        assertTrue(warnings.stream().anyMatch(w -> w.toString().contains("the SCP truncated the answer")
                && w.toString().contains("after 7 matches")), warnings.toString());
    }

    @Test
    void producerWithinTheLimitIsComplete() {
        Exchange out = template.request(studies("&key.StudyDate=20190101-20190301"), e -> { });
        assertEquals(2, out.getMessage().getBody(List.class).size());
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED_BY_SCP));
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.COMPLETE));
    }

    @Test
    void ourOwnMaxResultsCancelIsIncompleteButNotTheScps() {
        Exchange out = template.request(studies("&maxResults=3"), e -> { });
        assertEquals(3, out.getMessage().getBody(List.class).size());
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED_BY_SCP));
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.COMPLETE));
    }

    /** Issue 14 item 6: the union of the split queries is every study of the PacsData model, each once. */
    @Test
    void resultCapSplitsUntilEveryStudyIsFound() {
        Exchange out = template.request(studies("&resultCap=" + LIMIT + "&splitEarliest=20180101"), e -> { });
        List<?> ids = out.getMessage().getBody(List.class);
        java.util.Set<String> uids = ids.stream().map(a -> ((io.dicomfind.dicom.data.Attributes) a)
                .getString(io.dicomfind.dicom.data.Tag.StudyInstanceUID).strip())
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(40, ids.size(), "none twice");
        assertEquals(io.dicomfind.peers.PacsData.standard().studies().stream().map(
                io.dicomfind.peers.PacsData.Study::uid).collect(java.util.stream.Collectors.toSet()), uids);
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.COMPLETE));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED_BY_SCP));
    }

    @Test
    void consumerMarksTheWholePollIncomplete() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(studies("&delay=60000")).routeId("poll").to("mock:poll");
            }
        });
        MockEndpoint poll = getMockEndpoint("mock:poll");
        poll.expectedMessageCount(LIMIT);
        poll.assertIsSatisfied();
        for (Exchange e : poll.getExchanges()) {
            assertEquals(true, e.getMessage().getHeader(DicomFindConstants.TRUNCATED_BY_SCP));
            assertEquals(false, e.getMessage().getHeader(DicomFindConstants.COMPLETE));
        }
        DicomFindConsumer consumer = (DicomFindConsumer) context.getRoute("poll").getConsumer();
        assertFalse(consumer.isLastPollComplete());
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void consumerPollWithinTheLimitIsComplete() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(studies("&delay=60000&key.StudyDate=20190101-20190301")).routeId("full").to("mock:full");
            }
        });
        MockEndpoint full = getMockEndpoint("mock:full");
        full.expectedMessageCount(2);
        full.assertIsSatisfied();
        for (Exchange e : full.getExchanges()) {
            assertEquals(true, e.getMessage().getHeader(DicomFindConstants.COMPLETE));
        }
        assertTrue(((DicomFindConsumer) context.getRoute("full").getConsumer()).isLastPollComplete());
        context.getRouteController().stopRoute("full");
    }
}
