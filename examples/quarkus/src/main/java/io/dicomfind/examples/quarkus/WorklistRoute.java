package io.dicomfind.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Today's worklist items of one station, on request ({@code direct:worklist}): a Modality Worklist C-FIND whose
 * body is the List of identifiers. Camel Quarkus finds this class and the dicomfind component at build time.
 */
public class WorklistRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:worklist").routeId("worklist")
                .to("dicomfind:{{ris.aet}}@{{ris.host}}:{{ris.port}}?key.PatientName=&key.PatientID="
                        + "&key.AccessionNumber=&key.(0040,0100)[0].ScheduledStationAETitle={{station.aet}}")
                .log("${header.CamelDicomFindResponseCount} worklist items for {{station.aet}}");
    }
}
