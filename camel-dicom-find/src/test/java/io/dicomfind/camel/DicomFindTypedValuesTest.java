package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Typed values reach the identifier formatted for their key's VR from every place a query value comes from: a Map
 * body (and its nested items), the CamelDicomFindKeys Map, a CamelDicomFindKey.* header and a Simple expression in a
 * key.* option; a value that cannot be sent fails the exchange before any association is opened.
 */
class DicomFindTypedValuesTest extends CamelTestSupport {
    private final FakeFindService scp = new FakeFindService();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeScp", scp);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:q").to("dicomfind:WLM@localhost:11112");
                from("direct:expr").to("dicomfind:WLM@localhost:11112?key.(0040,0100)[0]"
                        + ".ScheduledProcedureStepStartDate=${header.day}&key.PatientID=${header.ids}");
            }
        };
    }

    private Attributes sent() {
        return scp.identifiers.get(scp.identifiers.size() - 1);
    }

    private static Attributes sps(Attributes q) {
        return q.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
    }

    @Test
    void mapBodyValuesAreFormattedForTheirVr() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("ScheduledProcedureStepStartDate", DicomRange.between(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31)));
        step.put("ScheduledProcedureStepStartTime", LocalTime.of(7, 45));
        step.put("ScheduledStationAETitle", List.of("CT01", "CT02"));
        step.put("Modality", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PatientID", new String[] {"P1", "P2"});
        body.put("PatientName", null);
        body.put("InstanceNumber", 12);
        body.put("PatientWeight", 72.5);
        body.put("AcquisitionDateTime", Instant.parse("2026-01-15T06:00:00Z"));
        body.put("ScheduledProcedureStepSequence", step);
        template.sendBody("direct:q", body);
        Attributes q = sent();
        assertEquals(List.of("P1", "P2"), List.of(q.getStrings(Tag.PatientID)));
        assertTrue(q.contains(Tag.PatientName));
        assertNull(q.getString(Tag.PatientName), "null: a zero-length return key");
        assertEquals("12", q.getString(0x00200013));
        assertEquals("72.5", q.getString(0x00101030));
        assertEquals("20260115060000+0000", q.getString(0x0008002A));
        assertEquals("20260101-20260131", sps(q).getString(0x00400002));
        assertEquals("074500", sps(q).getString(0x00400003));
        assertEquals(List.of("CT01", "CT02"), List.of(sps(q).getStrings(0x00400001)));
        assertTrue(sps(q).contains(Tag.Modality));
    }

    @Test
    void headerValuesAndExpressionResultsAreFormattedToo() {
        template.send("direct:q", e -> {
            e.getIn().setHeader(DicomFindConstants.KEYS, Map.of("PatientBirthDate", LocalDate.of(1970, 5, 1)));
            e.getIn().setHeader(DicomFindConstants.KEY_PREFIX + "(0040,0100)[0].ScheduledProcedureStepStartDate",
                    DicomRange.from(LocalDate.of(2026, 2, 1)));
        });
        assertEquals("19700501", sent().getString(0x00100030));
        assertEquals("20260201-", sps(sent()).getString(0x00400002));

        template.send("direct:expr", e -> {
            e.getIn().setHeader("day", LocalDate.of(2026, 3, 4));
            e.getIn().setHeader("ids", List.of("A", "B"));
        });
        assertEquals("20260304", sps(sent()).getString(0x00400002), "not LocalDate.toString()'s 2026-03-04");
        assertEquals(List.of("A", "B"), List.of(sent().getStrings(Tag.PatientID)));
    }

    @Test
    void aValueThatCannotBeSentFailsTheExchangeBeforeAnyAssociation() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ScheduledProcedureStepSequence",
                Map.of("ScheduledProcedureStepStartDate", LocalDateTime.of(2026, 1, 15, 8, 0)));
        Exchange out = template.request("direct:q", e -> e.getIn().setBody(body));
        DicomFindQueryValueException e = assertInstanceOf(DicomFindQueryValueException.class, out.getException());
        assertEquals("body.ScheduledProcedureStepSequence.ScheduledProcedureStepStartDate", e.getKey());
        assertEquals("java.time.LocalDateTime", e.getValueType());
        assertTrue(e.getMessage().contains("(VR DA)"), e.getMessage());

        out = template.request("direct:q", x -> x.getIn().setHeader(DicomFindConstants.KEY_PREFIX + "PatientSex",
                Boolean.TRUE));
        e = assertInstanceOf(DicomFindQueryValueException.class, out.getException());
        assertTrue(e.getMessage().startsWith("header CamelDicomFindKey.PatientSex (VR CS): a"
                + " java.lang.Boolean value"), e.getMessage());

        out = template.request("direct:expr", x -> x.getIn().setHeader("day", List.of(LocalDate.of(2026, 1, 1))));
        assertInstanceOf(DicomFindQueryValueException.class, out.getException());
        assertEquals(0, scp.opened.get(), "no association for a query that cannot be built");
    }
}
