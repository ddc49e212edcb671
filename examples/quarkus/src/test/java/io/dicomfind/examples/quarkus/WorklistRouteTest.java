package io.dicomfind.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * The Camel Quarkus application in JVM mode against the sample SCP: the route's C-FIND returns CT01's worklist
 * items, with the calling AE title and timeout from application.properties.
 */
@QuarkusTest
@QuarkusTestResource(value = SampleScpResource.class, restrictToAnnotatedClass = true)
class WorklistRouteTest {

    @Inject
    ProducerTemplate template;
    @Inject
    CamelContext camel;

    @Test
    void worklistOfCt01() {
        List<?> items = template.requestBody("direct:worklist", null, List.class);
        // the sample worklist has four CT01 items (two today, one tomorrow, one yesterday)
        assertEquals(List.of("WL001", "WL002", "WL005", "WL006"),
                items.stream().map(i -> ((Attributes) i).getString(Tag.AccessionNumber)).sorted().toList());
        DicomFindComponent dicomfind = camel.getComponent("dicomfind", DicomFindComponent.class);
        assertEquals("CT01", dicomfind.getConfiguration().getCallingAet());
        assertEquals(10_000L, dicomfind.getConfiguration().getAcseTimeout());
        // released by the time the exchange is done (the component's own count; the SCP counts its side a moment later)
        assertEquals(0, dicomfind.getActivity().getOpenAssociations());
        assertEquals(1, SampleScpResource.scp.scp().counters().queries());
    }
}
