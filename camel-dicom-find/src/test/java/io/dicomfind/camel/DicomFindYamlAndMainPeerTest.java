package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.WorklistData;
import io.dicomfind.peers.WorklistScp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Java route code: a YAML DSL file and {@code camel.component.dicomfind.*} properties, run by Camel Main against
 * wlmscpfs ({@link WorklistData}, 22 items): a producer route, a polling consumer route and the data format by name.
 */
class DicomFindYamlAndMainPeerTest {
    private static WorklistScp worklist;

    @BeforeAll
    static void startPeer() {
        worklist = WorklistScp.start();
    }

    @AfterAll
    static void stopPeer() {
        worklist.close();
    }

    @Test
    void yamlRoutesUnderCamelMain() throws Exception {
        Path dir = Files.createTempDirectory("dicomfind-yaml");
        Path routes = dir.resolve("worklist.camel.yaml");
        Files.writeString(routes, """
                - route:
                    id: query
                    from:
                      uri: direct:query
                      steps:
                        - to:
                            uri: "dicomfind:OFFIS@127.0.0.1:{{wl.port}}"
                            parameters:
                              key.PatientName: ""
                              key.(0040,0100)[0].Modality: "{{wl.modality}}"
                        - marshal:
                            custom:
                              ref: dicom
                - route:
                    id: poll
                    from:
                      uri: "dicomfind:OFFIS@127.0.0.1:{{wl.port}}"
                      parameters:
                        key.PatientID: ""
                        key.(0040,0100)[0].ScheduledProcedureStepStartDate: "20240115-${date:now:yyyyMMdd}"
                        initialDelay: 0
                        repeatCount: 1
                      steps:
                        - to: mock:polled
                """);
        Main main = new Main();
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + routes);
        main.addInitialProperty("wl.port", Integer.toString(worklist.port()));
        main.addInitialProperty("wl.modality", "MR");
        main.addInitialProperty("camel.component.dicomfind.callingAet", "MAINSCU");
        main.addInitialProperty("camel.component.dicomfind.acseTimeout", "10s");
        main.bind("dicom", new DicomDataFormat());
        main.start();
        try {
            CamelContext ctx = main.getCamelContext();
            MockEndpoint polled = ctx.getEndpoint("mock:polled", MockEndpoint.class);
            polled.expectedMessageCount(12); // the generated items, 2024-01-15 .. today
            String json = ctx.createProducerTemplate().requestBody("direct:query", (Object) null, String.class);
            List<Attributes> mr = new io.dicomfind.dicom.io.JsonReader().readDataSets(json);
            assertEquals(WorklistData.count(i -> i.modality().equals("MR")), mr.size());
            assertEquals(6, mr.size());
            polled.assertIsSatisfied(10_000);
            assertEquals(12, polled.getExchanges().stream()
                    .map(e -> e.getMessage().getBody(Attributes.class).getString(Tag.PatientID)).distinct().count());
            DicomFindEndpoint ep = ctx.getEndpoints().stream().filter(DicomFindEndpoint.class::isInstance)
                    .map(DicomFindEndpoint.class::cast).findFirst().orElseThrow();
            assertEquals("MAINSCU", ep.getSettings().association().callingAeTitle());
            assertEquals(java.time.Duration.ofSeconds(10), ep.getSettings().association().acseTimeout());
            ctx.getRouteController().stopRoute("poll");
            assertEquals(0, ctx.getComponent("dicomfind", DicomFindComponent.class).getActivity()
                    .getOpenAssociations());
            assertTrue(ctx.getComponent("dicomfind", DicomFindComponent.class).getActivity().getQueries() >= 2);
        } finally {
            main.stop();
        }
    }
}
