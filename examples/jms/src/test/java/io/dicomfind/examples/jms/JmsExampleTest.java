package io.dicomfind.examples.jms;

import io.dicomfind.examples.sample.ExampleRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.examples.sample.SampleScp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JMS example run as {@code JmsExample.main} runs it (embedded Artemis, the JMS connection factory from
 * application.properties) against the sample SCP: what the consuming route received is checked message by message.
 */
@Timeout(120)
class JmsExampleTest {
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    private static SampleScp sample;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleScp.start("SAMPLESCP", 0);
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    @Test
    void eachWorklistItemIsOneJmsMessageWithKeyAttributesAsProperties() throws Exception {
        List<ExampleRun.Line> lines = ExampleRun.run(JmsExample.newMain(),
                Map.of("dicom.port", Integer.toString(sample.port())));

        List<ExampleRun.Line> received = lines.stream().filter(l -> "jms-consumer".equals(l.routeId()))
                .sorted(Comparator.comparing(l -> (String) l.headers().get("AccessionNumber"))).toList();
        assertEquals(List.of("WL001", "WL002", "WL003", "WL004"),
                received.stream().map(l -> l.headers().get("AccessionNumber")).toList());
        ExampleRun.Line first = received.get(0);
        // JMS properties, as the consumer sees them
        assertEquals("PAT001", first.headers().get("PatientID"));
        assertEquals("DOE^JOHN", first.headers().get("PatientName"));
        assertEquals("CT", first.headers().get("Modality"));
        assertEquals("CT01", first.headers().get("ScheduledStationAETitle"));
        assertEquals(TODAY, first.headers().get("ScheduledProcedureStepStartDate"));
        assertEquals("SPS001", first.headers().get("ScheduledProcedureStepID"));
        assertEquals("1.2.826.0.1.3680043.10.1234.1.1", first.headers().get("StudyInstanceUID"));
        assertTrue(first.headers().get("JMSMessageID").toString().startsWith("ID:"), first.headers().toString());
        // the body: the whole identifier in DICOM JSON
        Attributes body = new JsonReader().readDataSet(first.body().toString());
        assertEquals("PAT001", body.getString(0x00100020));
        assertEquals("CT CHEST W/O CONTRAST", body.getString(0x00321060));
        assertEquals("MÜLLER^ANNA", received.get(1).headers().get("PatientName"));
        assertTrue(first.message().startsWith("Received from dicom.worklist: DOE^JOHN [PAT001] accession WL001, CT"
                + " on CT01 at " + TODAY + " ("), first.message());

        assertTrue(lines.stream().anyMatch(l -> l.message().equals(
                "Sent 4 worklist items to JMS queue dicom.worklist (C-FIND Success)")), lines.toString());
        assertEquals(0, sample.scp().counters().openAssociations());
    }
}
