package io.dicomfind.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.camel.DicomRange;
import io.dicomfind.camel.NetworkLeakCheck;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both Kamelets loaded by camel-kamelet from {@code classpath:/kamelets} (this module's jar) and used through
 * {@code kamelet:} URIs, against the embedded SCP: what a route sees is DICOM JSON with the key attributes as headers.
 */
class KameletsEmbeddedScpTest extends CamelTestSupport {
    private static EmbeddedFindScp scp;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startScp() throws Exception {
        scp = EmbeddedFindScp.builder().aeTitle("WLM").worklist(Worklists.items()).start();
    }

    @AfterAll
    static void stopScp() {
        scp.close();
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        context.stop();
        leaks.assertNoLeak(context);
        assertEquals(0, scp.counters().openAssociations());
    }

    private static String peer() {
        return "host=127.0.0.1&port=" + scp.port() + "&calledAet=WLM";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:find").to("kamelet:dicom-find-action?" + peer()).to("mock:found");
            }
        };
    }

    /**
     * Adds a route from the source Kamelet. Not in createRouteBuilder with autoStartup(false): the Kamelet's own route
     * (the poll) would start with the context and wait for a consumer of kamelet:sink that is not started.
     */
    private void source(String options, String mock) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:dicom-worklist-source?" + peer() + "&period=100&" + options).to(mock);
            }
        });
    }

    private static List<String> accessions(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getHeader("DicomFindAccessionNumber", String.class))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void theSourceEmitsTodaysItemsOfTheStationOnceAsDicomJson() throws Exception {
        MockEndpoint today = getMockEndpoint("mock:today");
        long before = scp.counters().queries();
        source("stationAet=CT01&repeatCount=3", "mock:today");
        while (scp.counters().queries() < before + 3 || scp.counters().openAssociations() > 0) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // the last poll's batch is routed after its association was released
        // three polls, the two CT01 items of today once each (not MR01's, not tomorrow's)
        assertEquals(List.of("KAM001", "KAM002"), accessions(today));
        for (Exchange e : today.getExchanges()) {
            Attributes item = Worklists.fromJson(e.getMessage().getBody());
            assertEquals(e.getMessage().getHeader("DicomFindAccessionNumber"), item.getString(Tag.AccessionNumber));
            assertEquals(e.getMessage().getHeader("DicomFindPatientID"), item.getString(Tag.PatientID));
            assertEquals("CT", e.getMessage().getHeader("DicomFindModality"));
            assertEquals("CT01", e.getMessage().getHeader("DicomFindScheduledStationAETitle"));
            assertEquals(Worklists.TODAY, e.getMessage().getHeader("DicomFindScheduledProcedureStepStartDate"));
            assertEquals("application/dicom+json", e.getMessage().getHeader("Content-Type"));
        }
    }

    @Test
    void aGivenDateWithOnlyNewFalseEmitsEveryPoll() throws Exception {
        MockEndpoint tomorrow = getMockEndpoint("mock:tomorrow");
        tomorrow.expectedMessageCount(2);
        source("date=" + Worklists.TOMORROW + "&onlyNew=false&repeatCount=2", "mock:tomorrow");
        tomorrow.assertIsSatisfied(10_000);
        assertEquals(List.of("KAM004", "KAM004"), accessions(tomorrow));
    }

    @Test
    void theActionRunsTheQueryOfTheMessageAndEmitsAJsonArray() throws Exception {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("Modality", "CT");
        step.put("ScheduledProcedureStepStartDate", DicomRange.from(LocalDate.now()));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("AccessionNumber", null);
        query.put("PatientName", null);
        query.put("ScheduledProcedureStepSequence", step);
        Exchange out = template.request("direct:find", e -> e.getIn().setBody(query));
        List<Attributes> found = Worklists.fromJsonArray(out.getMessage().getBody());
        assertEquals(List.of("KAM001", "KAM002", "KAM004"),
                found.stream().map(a -> a.getString(Tag.AccessionNumber)).sorted().toList());
        assertEquals(3, out.getMessage().getHeader(DicomFindConstants.RESPONSE_COUNT));
        assertEquals("Success", out.getMessage().getHeader(DicomFindConstants.STATUS_NAME));
        assertEquals("application/dicom+json", out.getMessage().getHeader("Content-Type"));

        // a DICOM JSON query body and a key header
        out = template.request("direct:find", e -> {
            e.getIn().setBody("{\"00100010\":{\"vr\":\"PN\"},\"00080050\":{\"vr\":\"SH\"}}");
            e.getIn().setHeader(DicomFindConstants.KEY_PREFIX + "PatientID", "P003");
        });
        found = Worklists.fromJsonArray(out.getMessage().getBody());
        assertEquals(1, found.size());
        assertEquals("POE^EDGAR", found.get(0).getString(Tag.PatientName));
    }

    @Test
    void camelKamelet418RunsOnCamel422() {
        assertTrue(context.getVersion().startsWith("4.22."), context.getVersion());
        String kameletJar = KameletComponent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(kameletJar.endsWith("camel-kamelet-4.18.0.jar"), kameletJar);
        String modelJar = org.apache.camel.model.RouteTemplateDefinition.class.getProtectionDomain().getCodeSource()
                .getLocation().toString();
        assertTrue(modelJar.endsWith("camel-core-model-4.22.0.jar"), modelJar);
        assertTrue(context.getRoutes().size() >= 2, "the action's route was created: " + context.getRoutes());
    }
}
