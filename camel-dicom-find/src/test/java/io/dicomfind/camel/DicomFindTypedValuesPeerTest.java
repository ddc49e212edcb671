package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Typed query values against DCMTK wlmscpfs serving {@link WorklistData}: a LocalDate range and a multi-valued list
 * select exactly the items a user expects, and a value that cannot be sent fails without an association.
 */
class DicomFindTypedValuesPeerTest extends WorklistPeerTestSupport {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wl").to("dicomfind:OFFIS@127.0.0.1:" + worklist.port());
            }
        };
    }

    /** "PatientID date" of each response, to compare with the items the data say should match. */
    private static Set<String> idAndDate(List<?> responses) {
        return responses.stream().map(o -> (Attributes) o)
                .map(a -> a.getString(Tag.PatientID) + " " + a.getSequence(Tag.ScheduledProcedureStepSequence).get(0)
                        .getString(0x00400002))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> expected(Predicate<WorklistItem> filter) {
        return WorklistData.ALL.stream().filter(filter).map(i -> i.patientId() + " " + i.startDate())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> query(Object patientIds, Object startDate) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("ScheduledProcedureStepStartDate", startDate);
        step.put("Modality", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PatientID", patientIds);
        body.put("PatientName", null);
        body.put("ScheduledProcedureStepSequence", step);
        return body;
    }

    @Test
    void aLocalDateRangeAndAListOfPatientIdsSelectTheExpectedItems() {
        LocalDate from = LocalDate.of(1996, 1, 1);
        LocalDate to = LocalDate.of(1996, 4, 30);
        List<String> ids = List.of("AV35674", "HF");
        List<?> out = template.requestBody("direct:wl", query(ids, DicomRange.between(from, to)), List.class);
        Set<String> expected = expected(i -> ids.contains(i.patientId())
                && i.startDate().compareTo(from.format(DA)) >= 0 && i.startDate().compareTo(to.format(DA)) <= 0);
        assertEquals(3, expected.size(), "the data: wklist2, 3 and 4");
        assertEquals(expected, idAndDate(out));
    }

    @Test
    void anOpenRangeAndASingleDate() {
        LocalDate from = LocalDate.of(2024, 1, 19);
        List<?> out = template.requestBody("direct:wl", query(null, DicomRange.from(from)), List.class);
        assertEquals(expected(i -> i.startDate().compareTo(from.format(DA)) >= 0), idAndDate(out));
        assertEquals(4, out.size());
        out = template.requestBody("direct:wl", query(null, LocalDate.of(2024, 1, 15)), List.class);
        assertEquals(expected(i -> i.startDate().equals("20240115")), idAndDate(out));
        assertEquals(2, out.size());
    }

    @Test
    void aValueTheKeyCannotTakeIsRefusedBeforeTheSCPIsAsked() {
        Exchange ex = template.request("direct:wl", e -> e.getIn().setBody(
                query(null, List.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 20)))));
        DicomFindQueryValueException e = assertInstanceOf(DicomFindQueryValueException.class, ex.getException());
        assertTrue(e.getMessage().contains("ScheduledProcedureStepStartDate (VR DA)"), e.getMessage());
        assertTrue(e.getMessage().contains("DicomRange"), e.getMessage());
        assertEquals(0L, context.getEndpoint("dicomfind:OFFIS@127.0.0.1:" + worklist.port(), DicomFindEndpoint.class)
                .getActivity().getAssociationsOpened(), "no association for a query that cannot be built");
    }
}
