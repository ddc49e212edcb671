package io.dicomfind.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.examples.sample.SampleScp;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example against DCMTK's wlmscpfs as the RIS (the sample SCP stays the PACS), started as a user starts it with
 * command-line overrides: station MR01's items of 2024 are each logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class WlmscpfsTest {

    @Test
    void mr01WorklistFromWlmscpfs(CapturedOutput output) throws Exception {
        List<String> accessions = WorklistData.ALL.stream()
                .filter(i -> i.stationAeTitles().contains("MR01") && i.startDate().startsWith("2024"))
                .map(i -> i.accessionNumber()).sorted().toList();
        assertEquals(4, accessions.size());
        try (WorklistScp wlmscpfs = WorklistScp.start(); SampleScp pacs = SampleScp.start("SAMPLESCP", 0);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(WorklistApplication.class).run(
                        "--ris.port=" + wlmscpfs.port(), "--ris.aet=" + WorklistData.AE_TITLE,
                        "--pacs.port=" + pacs.port(), "--station.aet=MR01", "--poll.date=20240101-20241231",
                        "--poll.delay=300", "--server.port=0")) {
            String[] lines = accessions.stream().map(a -> "] accession " + a).toArray(String[]::new);
            ExampleOutput.awaitLines(output, 30, lines);
            String out = output.getOut();
            for (String line : lines) {
                assertEquals(1, ExampleOutput.count(out, line), out);
            }
            assertEquals(4, ExampleOutput.count(out, "New worklist item for MR01: "), out);
        }
    }
}
