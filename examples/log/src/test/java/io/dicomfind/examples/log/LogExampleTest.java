package io.dicomfind.examples.log;

import io.dicomfind.examples.sample.ExampleRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.examples.sample.ExampleRun.Line;
import io.dicomfind.examples.sample.SampleScp;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistItem;
import io.dicomfind.peers.WorklistScp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The log example run as {@code LogExample.main} / {@code LogYamlExample.main} run it (application.properties, only the
 * server address overridden), against the sample SCP and against DCMTK's wlmscpfs.
 */
@Timeout(120)
class LogExampleTest {
    private static SampleScp sample;
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);

    @BeforeAll
    static void start() throws Exception {
        sample = SampleScp.start("SAMPLESCP", 0);
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    private static Map<String, String> sampleServer() {
        return Map.of("dicom.port", Integer.toString(sample.port()));
    }

    private static final List<String> TODAYS_SAMPLE_ITEMS = List.of(
            "DOE^JOHN [PAT001] accession WL001: CT on CT01 at " + TODAY + " 083000 - CT CHEST W/O CONTRAST",
            "MÜLLER^ANNA [PAT002] accession WL002: CT on CT01 at " + TODAY + " 100000 - CT ABDOMEN WITH CONTRAST",
            "SMITH^JANE [PAT003] accession WL003: MR on MR01 at " + TODAY + " 091500 - MR KNEE LEFT",
            "GARCIA^LUIS [PAT004] accession WL004: US on US01 at " + TODAY + " 110000 - US ABDOMEN");

    @Test
    void javaDslLogsTodaysItemsOneLineEachAndTheFullIdentifierAtDebug() throws Exception {
        List<Line> lines = ExampleRun.run(LogExample.newMain(), sampleServer());
        List<String> info = ExampleRun.messages(lines, "INFO");
        assertTrue(info.get(0).startsWith("Asking SAMPLESCP@127.0.0.1:" + sample.port() + " for worklist items"),
                info.get(0));
        assertEquals(TODAYS_SAMPLE_ITEMS, info.subList(1, 5));
        assertTrue(info.get(5).matches("C-FIND ended: Success, 4 items in \\d+ ms"), info.get(5));
        assertEquals(6, info.size());
        assertTrue(lines.stream().allMatch(l -> l.logger().equals(LogRoutes.LOGGER)));

        List<String> debug = ExampleRun.messages(lines, "DEBUG"); // test resources enable DEBUG for the example
        assertEquals(4, debug.size());
        assertTrue(debug.get(0).startsWith("Worklist item 0:\n# Dicom-Data-Set\n# Used TransferSyntax: "), debug.get(0));
        assertTrue(debug.get(0).contains("(0010,0010) PN [DOE^JOHN]"), debug.get(0));
        assertTrue(debug.get(0).contains("(0040,0100) SQ (Sequence with explicit length #=1)"), debug.get(0));
        assertEquals(0, sample.scp().counters().openAssociations());
    }

    @Test
    void yamlDslLogsTheSameLines() throws Exception {
        List<Line> lines = ExampleRun.run(LogYamlExample.newMain(), sampleServer());
        List<String> info = ExampleRun.messages(lines, "INFO");
        assertEquals(TODAYS_SAMPLE_ITEMS, info.subList(1, 5));
        assertTrue(info.get(5).matches("C-FIND ended: Success, 4 items in \\d+ ms"), info.get(5));
        List<String> debug = ExampleRun.messages(lines, "DEBUG");
        assertEquals(4, debug.size());
        assertTrue(debug.get(0).contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"DOE^JOHN\"}]}"),
                debug.get(0)); // DICOM JSON
    }

    @Test
    void optionsNarrowTheQuery() throws Exception {
        List<Line> lines = ExampleRun.run(LogExample.newMain(), Map.of("dicom.port", Integer.toString(sample.port()),
                "query.station", "CT01", "query.date", ""));
        List<String> info = ExampleRun.messages(lines, "INFO");
        // CT01 on any day: WL001, WL002, WL005 (tomorrow), WL006 (yesterday)
        assertEquals(List.of("WL001", "WL002", "WL005", "WL006"), info.subList(1, info.size() - 1).stream()
                .map(l -> l.replaceAll(".* accession (WL\\d+):.*", "$1")).toList());
        assertTrue(info.get(5).startsWith("C-FIND ended: Success, 4 items"), info.get(5));
    }

    @Test
    void againstDcmtkWlmscpfs() throws Exception {
        try (WorklistScp wlmscpfs = WorklistScp.start()) {
            List<Line> lines = ExampleRun.run(LogExample.newMain(), Map.of(
                    "dicom.port", Integer.toString(wlmscpfs.port()), "dicom.aet", WorklistData.AE_TITLE,
                    "query.station", "CT01", "query.date", "20240101-20241231"));
            List<String> info = ExampleRun.messages(lines, "INFO");
            List<WorklistItem> ct01 = WorklistData.ALL.stream()
                    .filter(i -> i.stationAeTitles().contains("CT01") && i.startDate().startsWith("2024")).toList();
            assertEquals(3, ct01.size());
            Set<String> expected = ct01.stream().map(i -> i.patientName() + " [" + i.patientId() + "] accession "
                    + i.accessionNumber() + ": CT on CT01 at " + i.startDate() + " " + i.startTime() + " - PROCEDURE "
                    + Integer.parseInt(i.source().substring("generated:".length()))).collect(Collectors.toSet());
            assertEquals(expected, Set.copyOf(info.subList(1, 4))); // wlmscpfs answers in directory order
            assertTrue(info.get(4).matches("C-FIND ended: Success, 3 items in \\d+ ms"), info.get(4));
        }
    }
}
