package io.dicomfind.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.examples.sample.SampleScp;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repackaged Boot jar run as users run it, {@code java -jar target/dicomfind-example-spring-boot-*.jar} with
 * command-line overrides, in a JVM of its own: against the sample SCP (worklist, priors and the actuator's C-ECHO
 * check over HTTP) and against DCMTK's wlmscpfs; then stopped as a service manager stops it (SIGTERM), leaving no
 * association open.
 */
@Timeout(300)
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void jarAgainstTheSampleScp() throws Exception {
        try (SampleScp sample = SampleScp.start("SAMPLESCP", 0)) {
            int http = Peers.freePort();
            Process app = start("--ris.port=" + sample.port(), "--pacs.port=" + sample.port(),
                    "--poll.delay=500", "--server.port=" + http);
            try {
                ExampleOutput.awaitLines(this::output, 150,
                        "New worklist item for CT01: DOE^JOHN [PAT001] accession WL001",
                        "Prior studies of PAT001: 2 (20230314 CT CHEST, 20210622 CHEST 2 VIEWS)",
                        "Prior studies of PAT002: 1 (20221103 MR ABDOMEN)");
                // UP (HTTP 200) once Boot has started, the C-ECHO check among the details
                String health = awaitUp(http);
                assertTrue(health.contains("\"producer:dicomfind-SAMPLESCP@127.0.0.1:" + sample.port() + "\":\"UP\""),
                        health);
            } finally {
                stop(app);
            }
            assertEquals(2, ExampleOutput.count(output(), "New worklist item for CT01: "), output());
            // the process is gone: the SCP sees its side of every association closed (a moment after the exit)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sample.scp().counters().openAssociations() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, sample.scp().counters().openAssociations());
        }
    }

    @Test
    void jarAgainstDcmtkWlmscpfs() throws Exception {
        try (WorklistScp wlmscpfs = WorklistScp.start(); SampleScp pacs = SampleScp.start("SAMPLESCP", 0)) {
            Process app = start("--ris.port=" + wlmscpfs.port(), "--ris.aet=" + WorklistData.AE_TITLE,
                    "--pacs.port=" + pacs.port(), "--station.aet=MR01", "--poll.date=20240101-20241231",
                    "--poll.delay=500", "--server.port=0");
            try {
                // started (a SIGTERM while Boot still starts waits for the start first), then the four items
                ExampleOutput.awaitLines(this::output, 150, "Started WorklistApplication in", "] accession WL0002",
                        "] accession WL0005", "] accession WL0007", "] accession WL0011");
            } finally {
                stop(app);
            }
            assertEquals(4, ExampleOutput.count(output(), "New worklist item for MR01: "), output());
        }
    }

    private Process start(String... args) throws IOException {
        String jar = System.getProperty("example.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the repackaged jar (mvn verify): " + jar);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile()).start();
    }

    /** SIGTERM, as systemd or Kubernetes stop it: Boot closes the context, Camel stops its routes. */
    private void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(90, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the application did not stop within 90 s of SIGTERM\n" + output());
        }
        assertTrue(output().contains("Apache Camel 4.22.0 (dicomfind-spring-boot) shutdown"), output());
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("app.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static String awaitUp(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        HttpClient client = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 || System.nanoTime() > deadline) {
                assertEquals(200, r.statusCode(), r.body());
                return r.body();
            }
            Thread.sleep(200);
        }
    }
}
