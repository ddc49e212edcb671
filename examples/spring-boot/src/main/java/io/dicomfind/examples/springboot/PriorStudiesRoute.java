package io.dicomfind.examples.springboot;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * For each new worklist item (header {@code PatientID}): a Study Root C-FIND at STUDY level on the PACS for that
 * patient's earlier studies, logged newest first (PS3.4 C.6.2).
 */
@Component
public class PriorStudiesRoute extends RouteBuilder {

    /** Study Description (0008,1030). */
    private static final int STUDY_DESCRIPTION = 0x00081030;

    @Override
    public void configure() {
        from("direct:prior-studies").routeId("prior-studies")
                // the query is the patient's ID alone: a body would add its attributes as keys
                .setBody(constant(null))
                .setHeader(DicomFindConstants.KEY_PREFIX + "PatientID", header("PatientID"))
                .to("dicomfind:{{pacs.aet}}@{{pacs.host}}:{{pacs.port}}?model=study&queryRetrieveLevel=STUDY"
                        + "&key.StudyInstanceUID=&key.StudyDate=&key.StudyDescription=")
                .process(e -> e.getMessage().setHeader("priors", summary(e.getMessage().getBody(List.class))))
                .log("Prior studies of ${header.PatientID}: ${header.priors}");
    }

    /** {@code 2 (20230314 CT CHEST, 20210622 CHEST 2 VIEWS)}, newest first. */
    static String summary(List<?> studies) {
        String each = studies.stream().map(Attributes.class::cast)
                .sorted(Comparator.comparing((Attributes a) -> String.valueOf(a.getString(Tag.StudyDate))).reversed())
                .map(a -> a.getString(Tag.StudyDate) + " " + a.getString(STUDY_DESCRIPTION))
                .collect(Collectors.joining(", "));
        return studies.size() + (studies.isEmpty() ? "" : " (" + each + ")");
    }
}
