package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * responseHeaders against DCMTK wlmscpfs serving {@link WorklistData}: every part of a StreamList split, every
 * exchange of the consumer and a SelectOne answer carry the attributes of their own response as headers, sequence
 * paths and multi-valued attributes included; SelectList and bad paths are refused when the route starts.
 */
class DicomFindResponseHeadersPeerTest extends WorklistPeerTestSupport {
    private static final String PROMOTE = "responseHeaders=PatientID,AccessionNumber,"
            + "ScheduledProcedureStepSequence.Modality,(0040,0100)[0].ScheduledStationAETitle";
    private static final String RETURN_KEYS = "key.PatientName=&key.PatientID=&key.AccessionNumber="
            + "&key.(0040,0100)[0].Modality=&key.(0040,0100)[0].ScheduledStationAETitle=";

    private static String wl() {
        return "dicomfind:OFFIS@127.0.0.1:" + worklist.port() + "?" + RETURN_KEYS + "&" + PROMOTE;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").setHeader("marker", constant("kept"))
                        .to(wl() + "&outputType=StreamList")
                        .split(body()).streaming()
                            .to("mock:each")
                        .end();
                from("direct:one").to(wl() + "&outputType=SelectOne");
                from(wl() + "&delay=60000&repeatCount=1&responseHeaderPrefix=Wl"
                        + "&key.(0040,0100)[0].Modality=CT").routeId("poll").autoStartup(false)
                        .to("mock:polled");
            }
        };
    }

    /** "PatientID AccessionNumber Modality Stations" as the data say, for every item the filter keeps. */
    private static Set<String> expected(java.util.function.Predicate<WorklistItem> filter) {
        return WorklistData.ALL.stream().filter(filter).map(i -> i.patientId() + " " + i.accessionNumber() + " "
                + i.modality() + " " + String.join("\\", i.stationAeTitles()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> seen(List<Exchange> exchanges, String prefix) {
        return exchanges.stream().map(Exchange::getMessage).map(m -> m.getHeader(prefix + "PatientID") + " "
                + m.getHeader(prefix + "AccessionNumber") + " " + m.getHeader(prefix + "Modality") + " "
                + m.getHeader(prefix + "ScheduledStationAETitle")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPartOfAStreamListSplitCarriesItsOwnResponse() throws Exception {
        MockEndpoint each = getMockEndpoint("mock:each");
        each.expectedMessageCount(WorklistData.ALL.size());
        template.sendBody("direct:stream", null);
        each.assertIsSatisfied();
        assertEquals(expected(i -> true), seen(each.getExchanges(), "DicomFind"));
        for (Exchange e : each.getExchanges()) {
            Attributes body = e.getMessage().getBody(Attributes.class);
            assertEquals(body.getString(Tag.PatientID), e.getMessage().getHeader("DicomFindPatientID"));
            assertEquals("kept", e.getMessage().getHeader("marker"), "the exchange's own headers stay");
        }
        // DCMTK's wklist1 has two Scheduled Station AE Titles: both, as DICOM writes them
        assertTrue(seen(each.getExchanges(), "DicomFind").contains("AV35674 00000 MR AA32\\AA33"));
    }

    @Test
    void theConsumerPromotesWithItsOwnPrefix() throws Exception {
        MockEndpoint polled = getMockEndpoint("mock:polled");
        polled.expectedMessageCount(WorklistData.count(i -> i.modality().equals("CT")));
        context.getRouteController().startRoute("poll");
        polled.assertIsSatisfied(10_000);
        context.getRouteController().stopRoute("poll");
        assertEquals(expected(i -> i.modality().equals("CT")), seen(polled.getExchanges(), "Wl"));
        assertNull(polled.getExchanges().get(0).getMessage().getHeader("DicomFindPatientID"));
    }

    @Test
    void selectOneSetsTheHeadersOfItsMatchAndRemovesStaleOnes() {
        Exchange out = template.request("direct:one", e -> {
            e.getIn().setHeader(DicomFindConstants.KEY_PREFIX + "PatientID", "BLV734623");
        });
        assertEquals("BLV734623", out.getMessage().getHeader("DicomFindPatientID"));
        assertTrue(Set.of("NM", "CT").contains(out.getMessage().getHeader("DicomFindModality")));
        out = template.request("direct:one", e -> {
            e.getIn().setHeader(DicomFindConstants.KEY_PREFIX + "PatientID", "NOBODY");
            e.getIn().setHeader("DicomFindPatientID", "stale");
        });
        assertNull(out.getMessage().getBody());
        assertFalse(out.getMessage().getHeaders().containsKey("DicomFindPatientID"), "no match, no header");
    }

    @Test
    void selectListAndBadPathsAreRefusedWhenTheRouteStarts() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to(wl());
            }
        }));
        assertTrue(rootMessage(e).contains("outputType=SelectList puts every response in one exchange"),
                rootMessage(e));
        for (String[] bad : new String[][] {
            {"ScheduledProcedureStepSequence", "is a sequence; name an attribute inside it"},
            {"PatientID,(0010,0020)", "would both be header DicomFindPatientID"},
            {"NoSuchKeyword", "unknown attribute name 'NoSuchKeyword'"},
            {"PatientID=X", "has a value"}}) {
            Exception ex = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bad" + bad[1].hashCode()).to("dicomfind:OFFIS@127.0.0.1:" + worklist.port()
                            + "?outputType=SelectOne&responseHeaders=" + bad[0]);
                }
            }));
            assertTrue(rootMessage(ex).contains(bad[1]) && rootMessage(ex).contains("responseHeaders"),
                    rootMessage(ex));
        }
    }

    /** The message of the component's own exception, under Camel's FailedToCreateRoute wrappers. */
    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
