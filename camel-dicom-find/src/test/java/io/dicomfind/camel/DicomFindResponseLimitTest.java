package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.scp.DataSetSource;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * maxResponses: what buffers the matches (SelectList, SelectOne, the consumer) is bounded by default, StreamList is
 * not; an SCP with more matches than the limit ends in DicomFindResponseLimitException naming the option.
 */
class DicomFindResponseLimitTest {
    private static final int MATCHES = 60;
    private EmbeddedFindScp scp;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        scp = EmbeddedFindScp.builder().aeTitle("MANY").port(0)
                .worklist(DataSetSource.ofStream(() -> IntStream.range(0, MATCHES)
                        .mapToObj(DicomFindStreamingTest::item)))
                .start();
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        scp.close();
    }

    private String uri(String options) {
        return "dicomfind:MANY@127.0.0.1:" + scp.port() + "?key.PatientName=" + options;
    }

    @Test
    void selectListBeyondMaxResponsesFailsNamingTheOption() throws Exception {
        camel.start();
        Exchange out = camel.createProducerTemplate().request(uri("&maxResponses=50"), e -> { });
        DicomFindResponseLimitException e = assertInstanceOf(DicomFindResponseLimitException.class,
                out.getException());
        assertEquals(DicomFindAssociationException.Reason.RESPONSE_LIMIT_EXCEEDED, e.getReason());
        assertFalse(e.isTransient());
        String peer = "MANY@127.0.0.1:" + scp.port();
        assertEquals("C-FIND with " + peer + " failed (RESPONSE_LIMIT_EXCEEDED): 127.0.0.1:" + scp.port()
                + " (called AE 'MANY'), waiting for C-FIND-RSP 51 (message ID 1): more than 50 Pending responses"
                + " without a final status (maximum responses 50); association aborted. The endpoint option"
                + " maxResponses bounds the Pending responses of one C-FIND (100000 unless set, for SelectList,"
                + " SelectOne and the consumer); narrow the query, raise maxResponses (0 = no limit) or use"
                + " outputType=StreamList", e.getMessage());
        assertEquals(peer, e.getPeer());
    }

    @Test
    void aLimitAboveTheMatchesDeliversThemAll() throws Exception {
        camel.start();
        List<?> body = camel.createProducerTemplate().requestBody(uri("&maxResponses=" + MATCHES), null,
                List.class);
        assertEquals(MATCHES, body.size());
    }

    @Test
    void defaultsBoundWhatBuffersAndLeaveStreamListUnbounded() throws Exception {
        camel.start();
        DicomFindEndpoint list = camel.getEndpoint(uri(""), DicomFindEndpoint.class);
        list.init();
        assertEquals(100_000, list.getSettings().association().maxResponses());
        assertEquals(100_000, list.requestFactory().forPoll(new org.apache.camel.support.DefaultExchange(camel))
                .settings().association().maxResponses());
        DicomFindEndpoint stream = camel.getEndpoint(uri("&outputType=StreamList"), DicomFindEndpoint.class);
        stream.init();
        assertEquals(0, stream.getSettings().association().maxResponses());
        // the consumer of a StreamList endpoint still buffers a poll
        assertEquals(100_000, stream.requestFactory().forPoll(new org.apache.camel.support.DefaultExchange(camel))
                .settings().association().maxResponses());
        DicomFindEndpoint explicit = camel.getEndpoint(uri("&outputType=StreamList&maxResponses=50"),
                DicomFindEndpoint.class);
        explicit.init();
        assertEquals(50, explicit.getSettings().association().maxResponses());
    }

    @Test
    void consumerPollBeyondMaxResponsesReachesTheErrorHandler() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(DicomFindResponseLimitException.class).handled(true).to("mock:limit");
                from(uri("&maxResponses=50&bridgeErrorHandler=true&initialDelay=0&delay=10&repeatCount=1"))
                        .to("mock:match");
            }
        });
        camel.start();
        MockEndpoint limit = camel.getEndpoint("mock:limit", MockEndpoint.class);
        limit.expectedMessageCount(1);
        MockEndpoint match = camel.getEndpoint("mock:match", MockEndpoint.class);
        match.expectedMessageCount(0);
        MockEndpoint.assertIsSatisfied(camel);
        Exception e = limit.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertTrue(e.getMessage().contains("more than 50 Pending responses"), e.getMessage());
    }

    @Test
    void aPoliteLimitTheAbortWouldPreemptIsRejected() {
        Exception e = assertThrows(Exception.class, () -> camel.getEndpoint(uri("&maxResults=100000")).init());
        assertEquals("dicomfind: maxResults 100000 cannot be reached with maxResponses 100000 (the default); raise"
                + " maxResponses above maxResults, or set it to 0 for no limit",
                org.apache.camel.util.ObjectHelper.getException(IllegalArgumentException.class, e).getMessage());
        e = assertThrows(Exception.class, () -> camel.getEndpoint(uri("&maxResponses=10&maxMessagesPerPoll=10"))
                .init());
        assertTrue(org.apache.camel.util.ObjectHelper.getException(IllegalArgumentException.class, e).getMessage()
                .startsWith("dicomfind: maxMessagesPerPoll 10 cannot be reached with maxResponses 10;"));
        // maxResults with StreamList and no maxResponses: no limit to pre-empt it
        camel.getEndpoint(uri("&outputType=StreamList&maxResults=200000")).init();
    }
}
