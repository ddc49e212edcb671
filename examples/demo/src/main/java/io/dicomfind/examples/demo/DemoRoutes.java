package io.dicomfind.examples.demo;

import io.dicomfind.camel.DicomDataFormat;
import io.dicomfind.camel.DicomFindConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's routes, against the RIS/PACS at {@code dicom.*}:
 * <ul>
 * <li>{@code worklist-overview}: once at the start, today's whole worklist (producer, {@code SelectList});</li>
 * <li>{@code poll-worklist}: every {@code demo.pollDelay} ms, today's worklist of station {@code demo.station}
 *     (consumer); each new item once ({@code idempotent=true}): written as DICOM JSON, then
 *     {@code prior-studies};</li>
 * <li>{@code prior-studies}: the patient's earlier studies from the PACS (Study Root C-FIND, PS3.4 C.6.2), written
 *     as a DICOM JSON array;</li>
 * <li>{@code late-order}: after {@code demo.lateOrderDelay} ms a new order reaches the RIS (bean {@code ris}).</li>
 * </ul>
 */
public class DemoRoutes extends RouteBuilder {
    static final String LOGGER = "demo";
    private static final String SCP = "dicomfind:{{dicom.aet}}@{{dicom.host}}:{{dicom.port}}";
    private static final String WORKLIST_KEYS = "&key.PatientName=&key.PatientID=&key.AccessionNumber="
            + "&key.RequestedProcedureDescription="
            + "&key.(0040,0100)[0].ScheduledProcedureStepStartDate=${date:now:yyyyMMdd}"
            + "&key.(0040,0100)[0].ScheduledProcedureStepStartTime=&key.(0040,0100)[0].Modality="
            + "&key.(0040,0100)[0].ScheduledProcedureStepID=";

    private final DemoStats stats;

    public DemoRoutes(DemoStats stats) {
        this.stats = stats;
    }

    @Override
    public void configure() {
        DicomDataFormat json = new DicomDataFormat(DicomDataFormat.Format.json);
        json.setPrettyPrint(true);

        from("timer:overview?repeatCount=1&delay=0")
            .routeId("worklist-overview")
            .to(SCP + "?outputType=SelectList" + WORKLIST_KEYS + "&key.(0040,0100)[0].ScheduledStationAETitle=")
            .bean(stats, "overview")
            .log(LoggingLevel.INFO, LOGGER, "[overview] today's worklist at {{dicom.aet}}: ${body.size()} items"
                    + " (${bean:demoText?method=perStation}); C-FIND ${header.CamelDicomFindStatusName}"
                    + " in ${header.CamelDicomFindElapsed} ms");

        from(SCP + "?delay={{demo.pollDelay}}&initialDelay=500&idempotent=true&sendEmptyMessageWhenIdle=true"
                + WORKLIST_KEYS + "&key.(0040,0100)[0].ScheduledStationAETitle={{demo.station}}")
            .routeId("poll-worklist")
            .choice()
                .when(body().isNull())
                    .bean(stats, "idlePoll")
                    .log(LoggingLevel.INFO, LOGGER, "[poll] {{demo.station}}: nothing new")
                .otherwise()
                    .process(DemoText::itemHeaders)
                    .bean(stats, "newItem")
                    .log(LoggingLevel.INFO, LOGGER, "[poll] {{demo.station}}: new worklist item"
                            + " ${bean:demoText?method=item}")
                    .marshal(json)
                    .to("file:{{demo.output}}?fileName=worklist/${header.AccessionNumber}.json")
                    .to("direct:priors")
            .end();

        from("direct:priors")
            .routeId("prior-studies")
            .setHeader(DicomFindConstants.KEY_PREFIX + "PatientID", header("PatientID"))
            .setBody(constant(null))
            .to(SCP + "?model=study&queryRetrieveLevel=STUDY&key.StudyDate=&key.StudyDescription="
                    + "&key.ModalitiesInStudy=&key.AccessionNumber=&key.StudyInstanceUID=")
            .bean(stats, "priors")
            .log(LoggingLevel.INFO, LOGGER, "[priors] ${header.PatientName} [${header.PatientID}]:"
                    + " ${bean:demoText?method=studies}")
            .marshal(json)
            .to("file:{{demo.output}}?fileName=priors/${header.PatientID}.json");

        from("timer:late-order?repeatCount=1&delay={{demo.lateOrderDelay}}")
            .routeId("late-order")
            .bean("ris", "addLateOrders")
            .split(body())
                .log(LoggingLevel.INFO, LOGGER, "[ris] a new order arrives at the RIS:"
                        + " ${bean:demoText?method=item}");
    }
}
