package io.dicomfind.camel;

import io.dicomfind.dicom.net.DimseStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DicomFindConsumerTest extends CamelTestSupport {
    private final FakeFindService scp = new FakeFindService();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeScp", scp);
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false; // each test starts its own polling route
    }

    @AfterEach
    void noAssociationLeft() {
        assertEquals(0, scp.openAssociations(), "associations left open");
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(DicomFindFailedException.class).handled(true).to("mock:failed");
                from(uri).routeId("poll").to("mock:match");
            }
        });
        context.start();
    }

    @Test
    void oneExchangePerMatchWithBatchProperties() throws Exception {
        scp.matches(FakeFindService.patients(3));
        MockEndpoint match = getMockEndpoint("mock:match");
        match.expectedMessageCount(3);
        match.expectedPropertyValuesReceivedInAnyOrder(Exchange.BATCH_INDEX, 0, 1, 2);
        match.expectedHeaderValuesReceivedInAnyOrder(DicomFindConstants.RESPONSE_INDEX, 1, 2, 3);
        route("dicomfind:WLM@localhost:11112?key.PatientName=DOE*&initialDelay=0&delay=10&repeatCount=1");
        MockEndpoint.assertIsSatisfied(context);
        Exchange last = match.getExchanges().get(2);
        assertEquals(3, last.getProperty(Exchange.BATCH_SIZE));
        assertEquals(true, last.getProperty(Exchange.BATCH_COMPLETE));
        assertEquals(false, match.getExchanges().get(0).getProperty(Exchange.BATCH_COMPLETE));
        assertEquals(0, last.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals("DOE^P3", last.getMessage().getBody(Attributes.class).getString(Tag.PatientName));
        assertEquals("DOE*", scp.identifiers.get(0).getString(Tag.PatientName));
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void maxMessagesPerPollCancelsTheQuery() throws Exception {
        scp.matches(FakeFindService.patients(5));
        MockEndpoint match = getMockEndpoint("mock:match");
        match.expectedMessageCount(2);
        route("dicomfind:WLM@localhost:11112?maxMessagesPerPoll=2&initialDelay=0&delay=10&repeatCount=1");
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(2, match.getExchanges().get(1).getProperty(Exchange.BATCH_SIZE));
        assertEquals(1, scp.cancels.get());
        assertEquals(DimseStatus.CANCEL, match.getExchanges().get(0).getMessage().getHeader(DicomFindConstants.STATUS));
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void idempotentRepollRoutesOnlyNewMatches() throws Exception {
        scp.matches(FakeFindService.patients(3));
        MockEndpoint match = getMockEndpoint("mock:match");
        match.expectedMessageCount(3);
        route("dicomfind:WLM@localhost:11112?idempotent=true&initialDelay=0&delay=20");
        MockEndpoint.assertIsSatisfied(context);
        // later polls see the same three and route nothing; a new match is routed once
        match.reset();
        match.expectedMessageCount(1);
        scp.matches.add(FakeFindService.patient("NEW^ONE", "ID9"));
        int pollsBefore = scp.identifiers.size();
        match.expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(context);
        assertEquals("ID9", match.getExchanges().get(0).getMessage().getBody(Attributes.class)
                .getString(Tag.PatientID));
        // a few more polls: still nothing new
        long deadline = System.currentTimeMillis() + 2000;
        while (scp.identifiers.size() < pollsBefore + 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(scp.identifiers.size() >= pollsBefore + 3, "polled again");
        assertEquals(1, match.getReceivedCounter());
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void idempotentKeyExpressionAndRetryAfterFailure() throws Exception {
        scp.matches(FakeFindService.patients(2));
        MockEndpoint match = getMockEndpoint("mock:match");
        // the first routing of ID2 fails: its key must not be remembered, so the next poll routes it again
        match.whenExchangeReceived(2, e -> {
            throw new IllegalStateException("downstream down");
        });
        match.expectedMessageCount(3);
        route("dicomfind:WLM@localhost:11112?idempotent=true&idempotentKey=${header.CamelDicomFindResponseIndex}"
              + "&initialDelay=0&delay=20");
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(List.of("ID1", "ID2", "ID2"), match.getExchanges().stream()
                .map(e -> e.getMessage().getBody(Attributes.class).getString(Tag.PatientID)).toList());
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void simpleExpressionsAreEvaluatedPerPoll() throws Exception {
        getMockEndpoint("mock:match").expectedMessageCount(0);
        route("dicomfind:WLM@localhost:11112?key.ScheduledProcedureStepSequence.ScheduledProcedureStepStartDate="
              + "${date:now:yyyyMMdd}&initialDelay=0&delay=10&repeatCount=2");
        long deadline = System.currentTimeMillis() + 2000;
        while (scp.identifiers.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        assertEquals(2, scp.identifiers.size());
        assertEquals(today, scp.identifiers.get(1).getSequence(Tag.ScheduledProcedureStepSequence).get(0)
                .getString(0x00400002));
        context.getRouteController().stopRoute("poll");
    }

    @Test
    void failureStatusReachesTheErrorHandlerWithBridgeErrorHandler() throws Exception {
        scp.matches(FakeFindService.patients(2));
        scp.finalStatus = DimseStatus.of(0xA700);
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMinimumMessageCount(1);
        getMockEndpoint("mock:match").expectedMessageCount(0);
        route("dicomfind:WLM@localhost:11112?bridgeErrorHandler=true&initialDelay=0&delay=10&repeatCount=1");
        MockEndpoint.assertIsSatisfied(context);
        DicomFindFailedException e = failed.getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, DicomFindFailedException.class);
        assertEquals(0xA700, e.getStatusCode());
        context.getRouteController().stopRoute("poll");
    }
}
