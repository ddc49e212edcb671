package io.dicomfind.camel.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.actuate.console.CamelDevConsoleEndpoint;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Boot application found by auto-configuration alone (the AutoConfiguration.imports file): the
 * {@code camel.component.dicomfind.*} properties reach the wire (the embedded SCP accepts only the calling AE title
 * set there), the producer's C-ECHO health check is in Camel's actuator health indicator (UP for the SCP, DOWN with
 * the reason for a port nobody listens on), and the dicomfind dev console is served by Camel's actuator endpoint.
 */
@SpringBootTest(classes = DicomFindStarterTest.App.class, properties = {
        "camel.component.dicomfind.calling-aet=BOOT_SCU",
        "camel.component.dicomfind.acse-timeout=10s",
        "camel.component.dicomfind.keys[PatientID]=",
        "camel.health.producers-enabled=true",
        // every check in the indicator, not only the DOWN ones
        "camel.health.exposure-level=full",
        "camel.main.dev-console-enabled=true"})
@Timeout(60)
class DicomFindStarterTest {

    private static final EmbeddedFindScp SCP = startScp();
    private static final int DEAD_PORT = freePort();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("scp.port", SCP::port);
        registry.add("dead.port", () -> DEAD_PORT);
    }

    @AfterAll
    static void stopScp() {
        SCP.close();
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camel;
    @Autowired
    @Qualifier("camelHealth")
    HealthIndicator camelHealth;
    @Autowired
    CamelDevConsoleEndpoint devConsole;

    @Test
    void propertiesConfigureTheComponentAndReachTheWire() {
        List<?> items = template.requestBodyAndHeader("direct:worklist", null, "CamelDicomFindKey.PatientName", "*",
                List.class);
        assertEquals(2, items.size());
        assertEquals(List.of("DOE^JOHN", "ROE^JANE"),
                items.stream().map(i -> ((Attributes) i).getString(Tag.PatientName)).sorted().toList());
        // keys[PatientID]= (a return key from application properties) came back in each identifier
        assertTrue(items.stream().allMatch(i -> ((Attributes) i).getString(Tag.PatientID) != null));
        DicomFindComponent component = camel.getComponent("dicomfind", DicomFindComponent.class);
        assertEquals(10_000L, component.getConfiguration().getAcseTimeout());
        assertNoAssociationLeft();
    }

    @Test
    void cEchoHealthCheckIsInCamelsHealthIndicator() {
        Health health = camelHealth.health(true);
        Map<String, Object> details = health.getDetails();
        String up = "producer:dicomfind-BOOTSCP@127.0.0.1:" + SCP.port();
        String down = "producer:dicomfind-NOBODY@127.0.0.1:" + DEAD_PORT;
        assertEquals("UP", details.get(up), details.toString());
        assertEquals("DOWN", details.get(down), details.toString());
        assertEquals(Status.DOWN, health.getStatus());
        assertNoAssociationLeft();
    }

    @Test
    void devConsoleReportsTheComponentsAssociations() {
        template.requestBodyAndHeader("direct:worklist", null, "CamelDicomFindKey.PatientName", "DOE*", List.class);
        JsonObject all = devConsole.getConsoleById("dicomfind");
        assertTrue(all.get("dicomfind") instanceof Map, "consoles: " + all.keySet());
        String text = all.toJson();
        assertTrue(text.contains("BOOTSCP@127.0.0.1:" + SCP.port()), text);
        assertTrue(text.contains("\"openAssociations\":0"), text);
    }

    /** The SCP counts an association closed once it has read the release: give it a moment after our side. */
    private static void assertNoAssociationLeft() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (SCP.counters().openAssociations() != 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertEquals(0, SCP.counters().openAssociations());
    }

    private static EmbeddedFindScp startScp() {
        try {
            return EmbeddedFindScp.builder().aeTitle("BOOTSCP").callingAeTitles("BOOT_SCU")
                    .worklist(List.of(item("DOE^JOHN", "PAT001"), item("ROE^JANE", "PAT002"))).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attributes item(String name, String id) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, name);
        a.setString(Tag.PatientID, VR.LO, id);
        Attributes step = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        step.setString(Tag.Modality, VR.CS, "CT");
        step.setString(0x00400001, VR.AE, "CT01");
        return a;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:worklist").to("dicomfind:BOOTSCP@127.0.0.1:{{scp.port}}");
                    from("direct:nobody").to("dicomfind:NOBODY@127.0.0.1:{{dead.port}}");
                }
            };
        }
    }
}
