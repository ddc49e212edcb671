package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.data.Tag;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The component needs no Java: a YAML DSL route and Camel Main properties configure it. */
class DicomFindYamlAndMainTest extends CamelTestSupport {
    private final FakeFindService scp = new FakeFindService();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("fakeScp", scp);
    }

    @Test
    void yamlRouteWithKeyParameters() throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:yaml
                      steps:
                        - to:
                            uri: dicomfind:WLM@localhost:11112
                            parameters:
                              model: study
                              queryRetrieveLevel: STUDY
                              key.PatientName: "DOE*"
                              key.(0040,0100)[0].Modality: CT
                              key.StudyDate: "${date:now:yyyyMMdd}"
                              maxResults: 10
                """;
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("dicomfind.yaml", yaml));
        scp.matches(FakeFindService.patients(2));
        List<?> out = template.requestBody("direct:yaml", null, List.class);
        assertEquals(2, out.size());
        assertEquals("DOE*", scp.identifiers.get(0).getString(Tag.PatientName));
        assertEquals("STUDY", scp.identifiers.get(0).getString(Tag.QueryRetrieveLevel));
        assertEquals(8, scp.identifiers.get(0).getString(Tag.StudyDate).length());
        assertEquals("CT", scp.identifiers.get(0).getSequence(Tag.ScheduledProcedureStepSequence).get(0)
                .getString(Tag.Modality));
    }

    @Test
    void camelMainComponentProperties() throws Exception {
        FakeFindService mainScp = new FakeFindService();
        Main main = new Main();
        main.bind("fakeScp", mainScp);
        main.addInitialProperty("camel.component.dicomfind.callingAet", "MAINAET");
        main.addInitialProperty("camel.component.dicomfind.acseTimeout", "45s");
        main.addInitialProperty("camel.component.dicomfind.model", "patient");
        main.start();
        try {
            CamelContext ctx = main.getCamelContext();
            ProducerTemplate pt = ctx.createProducerTemplate();
            pt.requestBody("dicomfind:PACS@localhost:104", (Object) null);
            FindSettings s = mainScp.settings.get(0);
            assertEquals("MAINAET", s.association().callingAeTitle());
            assertEquals(java.time.Duration.ofSeconds(45), s.association().acseTimeout());
            assertEquals(Model.PATIENT.sopClassUid(), s.sopClassUid());
            assertEquals(0, mainScp.openAssociations());
        } finally {
            main.stop();
        }
    }
}
