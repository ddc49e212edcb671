package io.dicomfind.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.camel.WorklistPeerTestSupport;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both Kamelets against DCMTK wlmscpfs serving {@link WorklistData} (22 items, AE OFFIS), from a YAML route as a
 * Kamelet user writes it: the source with a date range and a modality, the action with a DICOM JSON query.
 */
class KameletsWorklistScpTest extends WorklistPeerTestSupport {
    /** The Kamelet's poll route stops with the context, before the leak check of the support class. */
    @AfterEach
    void stopRoutes() {
        context.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to("kamelet:dicom-find-action?host=127.0.0.1&port=" + worklist.port()
                        + "&calledAet=" + WorklistData.AE_TITLE);
            }
        };
    }

    /** A YAML route, loaded as Camel JBang or Camel Main would load it. */
    private void yaml(String route) throws Exception {
        org.apache.camel.support.PluginHelper.getRoutesLoader(context).loadRoutes(
                org.apache.camel.support.ResourceHelper.fromString("route.camel.yaml", route));
    }

    private static List<String> accessions(List<Attributes> items) {
        return items.stream().map(a -> a.getString(Tag.AccessionNumber)).sorted().toList();
    }

    private static List<String> expected(Predicate<WorklistItem> filter) {
        return WorklistData.ALL.stream().filter(filter).map(WorklistItem::accessionNumber).sorted().toList();
    }

    @Test
    void theSourceWithADateRangeAndAModality() throws Exception {
        Predicate<WorklistItem> mrIn2024 = i -> i.modality().equals("MR") && i.startDate().compareTo("20240115") >= 0
                && i.startDate().compareTo("20240118") <= 0;
        MockEndpoint mr = getMockEndpoint("mock:mr");
        mr.expectedMessageCount(expected(mrIn2024).size());
        yaml("""
                - route:
                    from:
                      uri: kamelet:dicom-worklist-source
                      parameters:
                        host: 127.0.0.1
                        port: %d
                        calledAet: OFFIS
                        modality: MR
                        date: 20240115-20240118
                        period: 200
                        repeatCount: 2
                      steps:
                        - to: mock:mr
                """.formatted(worklist.port()));
        mr.assertIsSatisfied(15_000);
        Thread.sleep(600); // the second poll: nothing new
        mr.assertIsSatisfied();
        assertEquals(3, expected(mrIn2024).size(), "the data: generated items 2, 5 and 7");
        List<Attributes> items = new java.util.ArrayList<>();
        for (Exchange e : mr.getExchanges()) {
            Attributes a = Worklists.fromJson(e.getMessage().getBody());
            items.add(a);
            assertEquals(a.getString(Tag.PatientID), e.getMessage().getHeader("DicomFindPatientID"));
            assertEquals("MR", e.getMessage().getHeader("DicomFindModality"));
        }
        assertEquals(expected(mrIn2024), accessions(items));
    }

    @Test
    void theActionWithADicomJsonQuery() throws Exception {
        // PatientID list (wlmscpfs matches any of the values), all their items' accession numbers and names
        Exchange out = template.request("direct:find", e -> e.getIn().setBody(
                "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"AV35674\",\"HF\"]},"
                        + "\"00100010\":{\"vr\":\"PN\"},\"00080050\":{\"vr\":\"SH\"}}"));
        List<Attributes> found = Worklists.fromJsonArray(out.getMessage().getBody());
        List<String> ids = List.of("AV35674", "HF");
        assertEquals(expected(i -> ids.contains(i.patientId())), accessions(found));
        assertEquals(6, found.size());
        assertEquals(6, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
    }
}
