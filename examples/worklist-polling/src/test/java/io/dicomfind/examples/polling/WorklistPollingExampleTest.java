package io.dicomfind.examples.polling;

import io.dicomfind.examples.sample.ExampleRun;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.examples.sample.SampleScp;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worklist polling example run as its mains run it (application.properties, embedded Artemis), polling fast for a
 * few seconds: against the sample SCP, where a new order arrives in between, and against DCMTK's wlmscpfs. A route
 * standing for the receiving application consumes the JMS queue.
 */
@Timeout(120)
class WorklistPollingExampleTest {
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);

    @TempDir
    Path out;

    @Test
    void javaDslRoutesEachNewItemOnceToJmsAndFile() throws Exception {
        pollSampleScp(WorklistPollingExample.newMain());
    }

    @Test
    void yamlDslDoesTheSame() throws Exception {
        pollSampleScp(WorklistPollingYamlExample.newMain());
    }

    private void pollSampleScp(Main main) throws Exception {
        try (SampleScp sample = SampleScp.start("SAMPLESCP", 0)) {
            // a new order for CT01 reaches the RIS once the first polls are done
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport m) {
                    Thread t = new Thread(() -> {
                        try {
                            while (sample.scp().counters().queries() < 3) {
                                Thread.sleep(50);
                            }
                            sample.addLateOrders();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                }
            });
            List<ExampleRun.Line> lines = run(main, sample.port(), Map.of());

            long polls = sample.scp().counters().queries();
            assertTrue(polls >= 6, "polls: " + polls);
            // WL001 and WL002 are today's CT01 items, WL007 arrived later; each routed once however often polled
            List<String> logged = lines.stream().filter(l -> "poll-worklist".equals(l.routeId())).map(l -> l.message())
                    .toList();
            assertEquals(List.of(
                    "New worklist item for CT01: DOE^JOHN [PAT001] accession WL001, step SPS001 at " + TODAY,
                    "New worklist item for CT01: MÜLLER^ANNA [PAT002] accession WL002, step SPS002 at " + TODAY,
                    "New worklist item for CT01: BROWN^EDDIE [PAT007] accession WL007, step SPS007 at " + TODAY),
                    logged);
            assertReceived(lines, List.of("WL001", "WL002", "WL007"), TODAY);
            assertEquals(List.of("WL001-SPS001.json", "WL002-SPS002.json", "WL007-SPS007.json"), files());
            Attributes written = new JsonReader().readDataSet(Files.readString(out.resolve("WL007-SPS007.json")));
            assertEquals("CT SPINE LUMBAR", written.getString(0x00321060));
            assertEquals(0, sample.scp().counters().openAssociations());
        }
    }

    @Test
    void againstDcmtkWlmscpfs() throws Exception {
        try (WorklistScp wlmscpfs = WorklistScp.start()) {
            List<ExampleRun.Line> lines = run(WorklistPollingExample.newMain(), wlmscpfs.port(), Map.of(
                    "ris.aet", WorklistData.AE_TITLE, "station.aet", "MR01", "poll.date", "20240101-20241231"));
            // MR01 in 2024: generated items 2, 5, 7, 11
            List<String> accessions = WorklistData.ALL.stream()
                    .filter(i -> i.stationAeTitles().contains("MR01") && i.startDate().startsWith("2024"))
                    .map(i -> i.accessionNumber()).sorted().toList();
            assertEquals(4, accessions.size());
            assertReceived(lines, accessions, null);
            assertEquals(accessions.stream().map(a -> a + "-").toList(),
                    files().stream().map(f -> f.replaceAll("-.*", "-")).toList());
        }
    }

    private List<ExampleRun.Line> run(Main main, int port, Map<String, String> more) throws Exception {
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:{{jms.queue}}").routeId("receiver").log("received ${header.AccessionNumber}");
            }
        });
        Map<String, String> props = new HashMap<>(Map.of("ris.port", Integer.toString(port), "poll.delay", "300",
                "output.dir", out.toString(), "camel.main.durationMaxSeconds", "5"));
        props.putAll(more);
        return ExampleRun.run(main, props);
    }

    private static void assertReceived(List<ExampleRun.Line> lines, List<String> accessions, String date)
            throws Exception {
        List<ExampleRun.Line> received = lines.stream().filter(l -> "receiver".equals(l.routeId()))
                .sorted(java.util.Comparator.comparing(l -> (String) l.headers().get("AccessionNumber"))).toList();
        assertEquals(accessions, received.stream().map(l -> l.headers().get("AccessionNumber")).toList());
        for (ExampleRun.Line l : received) {
            Attributes body = new JsonReader().readDataSet(l.body().toString());
            assertEquals(body.getString(0x00100020), l.headers().get("PatientID"));
            assertEquals(body.getString(0x00080050), l.headers().get("AccessionNumber"));
            assertTrue(l.headers().get("ScheduledStationAETitle").toString().contains(
                    body.getSequence(0x00400100).get(0).getString(0x00400001)));
            if (date != null) {
                assertEquals(date, l.headers().get("ScheduledProcedureStepStartDate"));
            }
        }
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
