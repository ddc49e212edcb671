package io.dicomfind.camel;

import io.dicomfind.dicom.net.Priority;

import io.dicomfind.dicom.net.DimseStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DicomFindProducerTest extends CamelTestSupport {
    private final FakeFindService scp = new FakeFindService();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeScp", scp); // autowired into the component's findService option
    }

    @AfterEach
    void noAssociationLeft() {
        assertEquals(0, scp.openAssociations(), "associations left open");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("dicomfind:WLM@localhost:11112");
                from("direct:max2").to("dicomfind:WLM@localhost:11112?maxResults=2");
                from("direct:max3").to("dicomfind:WLM@localhost:11112?maxResults=3");
                from("direct:one").to("dicomfind:localhost:11112?calledAet=QR&model=patient&outputType=SelectOne");
                from("direct:cancelAfter").to("dicomfind:WLM@localhost:11112?cancelAfter=2");
                from("direct:stream").to("dicomfind:WLM@localhost:11112?outputType=StreamList")
                        .split(body()).streaming().stopOnException()
                            .to("mock:each")
                        .end()
                        .to("mock:after");
                from("direct:streamNoSplit").to("dicomfind:WLM@localhost:11112?outputType=StreamList")
                        .to("mock:unsplit");
                from("direct:keys")
                        .to("dicomfind:WLM@localhost:11112?key.PatientName=ENDPOINT&key.PatientID="
                            + "&key.(0040,0100)[0].Modality=MR&key.AccessionNumber=A1&key.AccessionNumber=A2"
                            + "&priority=HIGH");
                from("direct:simple")
                        .to("dicomfind:WLM@localhost:11112?key.(0040,0100)[0].ScheduledProcedureStepStartDate="
                            + "${date:now:yyyyMMdd}&key.PatientID=${header.pid}");
                from("direct:level")
                        .to("dicomfind:QR@localhost:104?model=study&queryRetrieveLevel=STUDY&key.StudyInstanceUID=");
                from("direct:charset").to("dicomfind:WLM@localhost:11112?fallbackCharacterSet=ISO_IR 192");
            }
        };
    }

    private Attributes sent() {
        return scp.identifiers.get(scp.identifiers.size() - 1);
    }

    @Test
    void selectListReturnsEveryMatchWithResultHeaders() {
        scp.matches(FakeFindService.patients(3));
        Exchange out = template.request("direct:list", e -> { });
        List<?> body = out.getMessage().getBody(List.class);
        assertEquals(3, body.size());
        assertEquals("DOE^P2", ((Attributes) body.get(1)).getString(Tag.PatientName));
        assertEquals(0, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals("Success", out.getMessage().getHeader(DicomFindConstants.STATUS_NAME));
        assertEquals(3, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertEquals(1, out.getMessage().getHeader(DicomFindConstants.MESSAGE_ID));
        assertEquals(UID.ModalityWorklistInformationModelFind,
                out.getMessage().getHeader(DicomFindConstants.SOP_CLASS_UID));
        assertEquals("1.2.840.10008.1.2.1", out.getMessage().getHeader(DicomFindConstants.TRANSFER_SYNTAX_UID));
        assertNotNull(out.getMessage().getHeader(DicomFindConstants.ELAPSED));
        FindSettings s = scp.settings.get(0);
        assertEquals("WLM", s.calledAeTitle());
        assertEquals("FINDSCU", s.association().callingAeTitle());
        assertEquals("localhost", s.association().host());
        assertEquals(11112, s.association().port());
        assertEquals(0, scp.cancels.get());
    }

    @Test
    void findscuDefaultsReachTheNetworkLayer() {
        template.sendBody("direct:list", null);
        FindSettings s = scp.settings.get(0);
        assertEquals(io.dicomfind.dicom.net.TransferSyntaxProposal.UNCOMPRESSED, s.association().proposal());
        assertEquals(6, s.association().deflateLevel());
        assertTrue(s.association().newVRs());
        assertNull(s.association().connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(60), s.association().socketTimeout());
        assertEquals(java.time.Duration.ofSeconds(30), s.association().acseTimeout());
        assertNull(s.association().dimseTimeout());
        assertEquals(16384, s.association().maxPduLength());
        assertEquals(false, s.abort());
        assertEquals(Priority.MEDIUM, scp.priorities.get(0));
    }

    @Test
    void maxResultsCancelsAndSaysTheListWasCut() {
        scp.matches(FakeFindService.patients(5));
        Exchange out = template.request("direct:max2", e -> { });
        assertEquals(2, out.getMessage().getBody(List.class).size());
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertEquals(DimseStatus.CANCEL, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals(3, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
        assertEquals(1, scp.cancels.get());
    }

    @Test
    void exactlyMaxResultsIsNotCut() {
        scp.matches(FakeFindService.patients(3));
        Exchange out = template.request("direct:max3", e -> { });
        assertEquals(3, out.getMessage().getBody(List.class).size());
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertEquals(0, scp.cancels.get());
    }

    @Test
    void maxResultsHeaderOverridesTheOption() {
        scp.matches(FakeFindService.patients(5));
        Exchange out = template.request("direct:max2", e -> e.getIn().setHeader(DicomFindConstants.MAX_RESULTS, 4));
        assertEquals(4, out.getMessage().getBody(List.class).size());
    }

    @Test
    void selectOneReturnsTheFirstAndCancelsTheRest() {
        scp.matches(FakeFindService.patients(4));
        Exchange out = template.request("direct:one", e -> { });
        Attributes one = out.getMessage().getBody(Attributes.class);
        assertEquals("ID1", one.getString(Tag.PatientID));
        assertEquals(true, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
        assertEquals(1, scp.cancels.get());
        assertEquals("QR", scp.settings.get(0).calledAeTitle());
        assertEquals(UID.PatientRootQueryRetrieveInformationModelFind, scp.settings.get(0).sopClassUid());
    }

    @Test
    void selectOneWithoutMatchGivesNullBody() {
        Exchange out = template.request("direct:one", e -> { });
        assertNull(out.getMessage().getBody());
        assertEquals(0, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
    }

    @Test
    void cancelAfterKeepsWhatIsInFlightLikeFindscu() {
        scp.matches(FakeFindService.patients(6));
        scp.inFlightAfterCancel = 1;
        Exchange out = template.request("direct:cancelAfter", e -> { });
        assertEquals(3, out.getMessage().getBody(List.class).size());
        assertEquals(1, scp.cancels.get());
        assertEquals(DimseStatus.CANCEL, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals(false, out.getMessage().getHeader(DicomFindConstants.TRUNCATED));
    }

    @Test
    void streamListRoutesEachMatchWhileTheQueryRuns() throws Exception {
        scp.matches(FakeFindService.patients(5));
        MockEndpoint each = getMockEndpoint("mock:each");
        each.expectedMessageCount(5);
        // lazy: when the first match is routed, only it and the splitter's one look-ahead have been read
        each.whenExchangeReceived(1, e -> assertEquals(2, scp.responsesRead.get()));
        MockEndpoint after = getMockEndpoint("mock:after");
        after.expectedHeaderReceived(DicomFindConstants.STATUS, 0);
        after.expectedHeaderReceived(DicomFindConstants.RESPONSE_COUNT, 5);
        template.sendBody("direct:stream", null);
        MockEndpoint.assertIsSatisfied(context);
        assertEquals("DOE^P5", each.getExchanges().get(4).getMessage().getBody(Attributes.class)
                .getString(Tag.PatientName));
        assertEquals(0, scp.cancels.get());
        assertEquals(1, scp.cursorCloses.get());
        assertEquals(1, scp.sessionsClosed.get());
    }

    @Test
    void streamListStoppedEarlyCancelsAndReleasesOnce() throws Exception {
        scp.matches(FakeFindService.patients(10));
        MockEndpoint each = getMockEndpoint("mock:each");
        each.whenExchangeReceived(2, e -> {
            throw new IllegalStateException("route failed on the second match");
        });
        Exception e = assertThrows(CamelExecutionException.class, () -> template.sendBody("direct:stream", null));
        assertInstanceOf(IllegalStateException.class, org.apache.camel.util.ObjectHelper.getException(
                IllegalStateException.class, e));
        assertEquals(2, each.getReceivedCounter());
        assertEquals(1, scp.cancels.get());
        assertEquals(1, scp.cursorCloses.get());
        assertEquals(1, scp.sessionsClosed.get());
        assertTrue(scp.responsesRead.get() < 10, "the stream was read to its end: " + scp.responsesRead.get());
    }

    @Test
    void streamListNeverIteratedIsCancelledByTheCompletion() throws Exception {
        scp.matches(FakeFindService.patients(10));
        getMockEndpoint("mock:unsplit").expectedMessageCount(1);
        template.sendBody("direct:streamNoSplit", null);
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(1, scp.cancels.get());
        assertEquals(1, scp.cursorCloses.get());
        assertEquals(1, scp.sessionsClosed.get());
    }

    @Test
    void streamListFailureStatusFailsTheSplit() {
        scp.matches(FakeFindService.patients(2));
        scp.finalStatus = new DimseStatus(0xA700, "too many", null, -1);
        Exception e = assertThrows(CamelExecutionException.class, () -> template.sendBody("direct:stream", null));
        DicomFindFailedException f = assertInstanceOf(DicomFindFailedException.class, e.getCause());
        assertEquals(0xA700, f.getStatusCode());
        // the splitter looks one ahead: the failure is read before the last match is routed, and fails the split
        assertEquals(1, getMockEndpoint("mock:each").getReceivedCounter());
        assertEquals(1, scp.sessionsClosed.get());
    }

    @Test
    void failureStatusIsATypedExceptionNamingPeerAndStatus() {
        scp.matches(FakeFindService.patients(1));
        scp.finalStatus = new DimseStatus(0xA900, "no such key", new int[] {0x00100010}, -1);
        Exchange out = template.request("direct:list", e -> { });
        DicomFindFailedException f = assertInstanceOf(DicomFindFailedException.class, out.getException());
        assertEquals(0xA900, f.getStatusCode());
        assertEquals("WLM@localhost:11112", f.getPeer());
        assertTrue(f.getMessage().contains("A900H Identifier does not match SOP Class [comment: no such key,"
                + " offending element: (0010,0010)]"), f.getMessage());
        assertEquals("no such key", f.getErrorComment());
        assertEquals(List.of("(0010,0010)"), f.getOffendingElements());
        assertEquals("Identifier does not match SOP Class", f.getStatusDescription());
        assertEquals(0xA900, out.getMessage().getHeader(DicomFindConstants.STATUS));
        assertEquals("no such key", out.getMessage().getHeader(DicomFindConstants.ERROR_COMMENT));
    }

    @Test
    void warningStatusesAreReportedNotThrown() {
        scp.matches(FakeFindService.patients(2));
        scp.pendingStatus = DimseStatus.PENDING_WARNING;
        scp.finalStatus = DimseStatus.of(0xB001);
        Exchange out = template.request("direct:list", e -> { });
        assertNull(out.getException());
        List<?> warnings = out.getMessage().getHeader(DicomFindConstants.WARNINGS, List.class);
        assertEquals(2, warnings.size(), warnings.toString()); // FF01 once, then the final warning
        assertTrue(warnings.get(1).toString().startsWith("B001H"), warnings.toString());
    }

    @Test
    void associationFailureIsTypedAndKeepsTheNetworkLayersException() {
        scp.openFailure = new IOException("A-ASSOCIATE-RJ from WLM@localhost:11112: called AE not recognized");
        Exchange out = template.request("direct:list", e -> { });
        DicomFindAssociationException e = assertInstanceOf(DicomFindAssociationException.class, out.getException());
        assertTrue(e.getMessage().contains("called AE not recognized"), e.getMessage());
        assertEquals("WLM@localhost:11112", e.getPeer());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void endpointKeysThenBodyThenHeaders() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PatientName", "BODY");
        body.put("(0010,0030)", "19700101");
        body.put("ScheduledProcedureStepSequence", Map.of("ScheduledStationAETitle", ""));
        template.send("direct:keys", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader("CamelDicomFindKey.PatientName", "HEADER");
            e.getIn().setHeader(DicomFindConstants.KEYS, Map.of("PatientSex", "F"));
        });
        Attributes q = sent();
        assertEquals("HEADER", q.getString(Tag.PatientName));
        assertTrue(q.contains(Tag.PatientID), "endpoint return key kept");
        assertNull(q.getString(Tag.PatientID));
        assertEquals("19700101", q.getString(0x00100030));
        assertEquals("F", q.getString(0x00100040));
        assertEquals(List.of("A1", "A2"), List.of(q.getStrings(Tag.AccessionNumber)));
        Sequence sps = q.getSequence(Tag.ScheduledProcedureStepSequence);
        assertEquals(1, sps.size());
        assertEquals("MR", sps.get(0).getString(Tag.Modality), "endpoint key in the item kept");
        assertTrue(sps.get(0).contains(0x00400001), "body key merged into the same item");
        assertEquals(Priority.HIGH, scp.priorities.get(0));

        template.sendBody("direct:keys", body);
        assertEquals("BODY", sent().getString(Tag.PatientName), "body beats endpoint keys");
        template.sendBody("direct:keys", null);
        assertEquals("ENDPOINT", sent().getString(Tag.PatientName));
    }

    @Test
    void headersOverrideModelLevelAndCalledAet() {
        template.send("direct:list", e -> {
            e.getIn().setHeader(DicomFindConstants.MODEL, "study");
            e.getIn().setHeader(DicomFindConstants.QUERY_RETRIEVE_LEVEL, "series");
            e.getIn().setHeader(DicomFindConstants.CALLED_AET, "OTHER");
            e.getIn().setHeader(DicomFindConstants.PRIORITY, "LOW");
            e.getIn().setHeader(DicomFindConstants.KEYS, List.of("SeriesInstanceUID=", "Modality=CT"));
        });
        FindSettings s = scp.settings.get(0);
        assertEquals(UID.StudyRootQueryRetrieveInformationModelFind, s.sopClassUid());
        assertEquals("OTHER", s.calledAeTitle());
        assertEquals(Priority.LOW, scp.priorities.get(0));
        Attributes q = sent();
        assertEquals("SERIES", q.getString(Tag.QueryRetrieveLevel));
        assertTrue(q.contains(Tag.SeriesInstanceUID));
        assertEquals("CT", q.getString(Tag.Modality));
    }

    @Test
    void levelOptionAndModelOption() {
        template.sendBody("direct:level", null);
        assertEquals("STUDY", sent().getString(Tag.QueryRetrieveLevel));
        assertEquals(UID.StudyRootQueryRetrieveInformationModelFind, scp.settings.get(0).sopClassUid());
        assertEquals("QR", scp.settings.get(0).calledAeTitle());
        assertEquals(104, scp.settings.get(0).association().port());
    }

    @Test
    void simpleExpressionsInKeysAreEvaluatedPerExchange() {
        template.sendBodyAndHeader("direct:simple", null, "pid", "P-1");
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        Attributes q = sent();
        assertEquals(today, q.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(0x00400002));
        assertEquals("P-1", q.getString(Tag.PatientID));
        template.sendBodyAndHeader("direct:simple", null, "pid", "P-2");
        assertEquals("P-2", sent().getString(Tag.PatientID));
    }

    @Test
    void bodyAsAttributesAndPart10Bytes() throws Exception {
        Attributes a = new Attributes();
        a.setString(Tag.PatientID, VR.LO, "FROM-ATTRS");
        template.sendBody("direct:list", a);
        assertEquals("FROM-ATTRS", sent().getString(Tag.PatientID));

        Attributes file = new Attributes();
        file.setString(Tag.PatientID, VR.LO, "FROM-FILE");
        file.setNull(Tag.PatientName, VR.PN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Part10.write(bytes, file, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                UID.ModalityWorklistInformationModelFind, "1.2.3", "1.2.3.4", "TEST", null,
                io.dicomfind.dicom.io.EncodeOptions.DEFAULT);
        template.sendBody("direct:list", bytes.toByteArray());
        assertEquals("FROM-FILE", sent().getString(Tag.PatientID));
        assertTrue(sent().contains(Tag.PatientName));
    }

    @Test
    void mapBodyWithListsAndSequenceItems() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ModalitiesInStudy", List.of("CT", "MR"));
        body.put("ScheduledProcedureStepSequence", List.of(Map.of("Modality", "CT"), Map.of("Modality", "MR")));
        body.put("StudyDate", LocalDate.of(2024, 2, 29));
        template.sendBody("direct:list", body);
        Attributes q = sent();
        assertEquals(List.of("CT", "MR"), List.of(q.getStrings(0x00080061)));
        assertEquals(2, q.getSequence(Tag.ScheduledProcedureStepSequence).size());
        assertEquals("MR", q.getSequence(Tag.ScheduledProcedureStepSequence).get(1).getString(Tag.Modality));
        assertEquals("20240229", q.getString(Tag.StudyDate));
    }

    @Test
    void badBodiesAreRejectedWithTheReason() {
        Exchange out = template.request("direct:list", e -> e.getIn().setBody(Map.of("NoSuchKeyword", "x")));
        assertInstanceOf(IllegalArgumentException.class, out.getException());
        assertTrue(out.getException().getMessage().contains("NoSuchKeyword"), out.getException().getMessage());
        out = template.request("direct:list", e -> e.getIn().setBody(42));
        assertTrue(out.getException().getMessage().contains("java.lang.Integer"));
        assertEquals(0, scp.opened.get(), "no association for a query that cannot be built");
    }

    @Test
    void fallbackCharacterSetDecodesResponsesWithout00080005() {
        Attributes m = new Attributes();
        m.set(Tag.PatientName, VR.PN, "Müller".getBytes(StandardCharsets.UTF_8));
        scp.matches(m);
        List<?> out = template.requestBody("direct:charset", null, List.class);
        assertEquals("Müller", ((Attributes) out.get(0)).getString(Tag.PatientName));
    }
}
