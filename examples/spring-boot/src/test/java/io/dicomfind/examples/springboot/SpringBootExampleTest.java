package io.dicomfind.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.examples.sample.SampleScp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example as Spring Boot starts it, configured by its application.yaml, against the sample SCP (the embedded
 * SCP as RIS and PACS) on a free port: each of today's CT01 items is logged once however often the worklist is
 * polled, with its patient's prior studies; the actuator reports the dicomfind C-ECHO check and the consumer UP and
 * serves the dicomfind dev console.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class SpringBootExampleTest {

    private static final SampleScp SAMPLE = start();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("ris.port", SAMPLE::port);
        registry.add("pacs.port", SAMPLE::port);
        registry.add("poll.delay", () -> 300);
    }

    @AfterAll
    static void stop() {
        SAMPLE.close();
    }

    @LocalServerPort
    int httpPort;

    @Test
    void eachNewItemOnceWithItsPriorStudies(CapturedOutput output) throws Exception {
        ExampleOutput.awaitLines(output, 30, "Prior studies of PAT002: 1 (20221103 MR ABDOMEN)");
        long polls = SAMPLE.scp().counters().queries();
        // more polls, no new item: idempotent by accession number
        while (SAMPLE.scp().counters().queries() < polls + 6) {
            Thread.sleep(100);
        }
        String out = output.getOut();
        assertEquals(1, ExampleOutput.count(out, "New worklist item for CT01: DOE^JOHN [PAT001] accession WL001"), out);
        assertEquals(1, ExampleOutput.count(out, "] accession WL002"), out);
        assertEquals(2, ExampleOutput.count(out, "New worklist item for CT01: "), out);
        assertEquals(1, ExampleOutput.count(out,
                "Prior studies of PAT001: 2 (20230314 CT CHEST, 20210622 CHEST 2 VIEWS)"), out);
    }

    @Test
    void actuatorReportsTheCEchoCheckAndTheDevConsole() throws Exception {
        String health = get("/actuator/health");
        assertTrue(health.contains("\"producer:dicomfind-SAMPLESCP@127.0.0.1:" + SAMPLE.port() + "\":\"UP\""), health);
        assertTrue(health.contains("\"consumer:poll-worklist\":\"UP\""), health);
        assertTrue(health.endsWith("\"status\":\"UP\"}"), health);
        String console = get("/actuator/camel/dicomfind");
        assertTrue(console.contains("SAMPLESCP@127.0.0.1:" + SAMPLE.port()), console);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static SampleScp start() {
        try {
            return SampleScp.start("SAMPLESCP", 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
