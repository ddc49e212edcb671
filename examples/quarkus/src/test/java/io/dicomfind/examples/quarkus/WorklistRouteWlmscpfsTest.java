package io.dicomfind.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.peers.WorklistData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** The Camel Quarkus application against DCMTK's wlmscpfs: every MR01 item of the harness worklist. */
@QuarkusTest
@QuarkusTestResource(value = WlmscpfsResource.class, restrictToAnnotatedClass = true)
class WorklistRouteWlmscpfsTest {

    @Inject
    ProducerTemplate template;

    @Test
    void worklistOfMr01() {
        List<String> expected = WorklistData.ALL.stream().filter(i -> i.stationAeTitles().contains("MR01"))
                .map(i -> i.accessionNumber()).sorted().toList();
        assertEquals(4, expected.size(), "MR01 items in the harness worklist: " + expected);
        List<?> items = template.requestBody("direct:worklist", null, List.class);
        assertEquals(expected,
                items.stream().map(i -> ((Attributes) i).getString(Tag.AccessionNumber)).sorted().toList());
    }
}
