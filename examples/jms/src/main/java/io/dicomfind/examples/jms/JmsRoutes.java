package io.dicomfind.examples.jms;

import io.dicomfind.camel.DicomDataFormat;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two routes around a JMS queue. {@code worklist-to-jms} asks the worklist server for the day's items and sends each,
 * while the C-FIND runs, as one JMS message: the body is the identifier in DICOM JSON (PS3.18 F.2), the key attributes
 * are JMS properties ({@link JmsProperties}). {@code jms-consumer} is the receiving side, as another application
 * would be: it reads the messages and logs what it got.
 */
public class JmsRoutes extends RouteBuilder {
    static final String LOGGER = "io.dicomfind.examples.jms";

    @Override
    public void configure() {
        from("timer:worklist?delay=0&period={{query.period}}&repeatCount={{query.repeat}}")
            .routeId("worklist-to-jms")
            .to("dicomfind:{{dicom.aet}}@{{dicom.host}}:{{dicom.port}}?outputType=StreamList"
                    + "&key.PatientName=&key.PatientID=&key.AccessionNumber=&key.StudyInstanceUID="
                    + "&key.RequestedProcedureDescription="
                    + "&key.(0040,0100)[0].Modality={{query.modality:}}"
                    + "&key.(0040,0100)[0].ScheduledStationAETitle={{query.station:}}"
                    + "&key.(0040,0100)[0].ScheduledProcedureStepStartDate={{query.date:}}"
                    + "&key.(0040,0100)[0].ScheduledProcedureStepStartTime="
                    + "&key.(0040,0100)[0].ScheduledProcedureStepID=")
            .split(body()).streaming()
                .process(JmsProperties::setKeyAttributes)
                .marshal(new DicomDataFormat(DicomDataFormat.Format.json))
                .to("jms:queue:{{jms.queue}}?jmsMessageType=Text") // DICOM JSON is text: a TextMessage
            .end()
            .log(LoggingLevel.INFO, LOGGER, "Sent ${header.CamelDicomFindResponseCount} worklist items to JMS queue"
                    + " {{jms.queue}} (C-FIND ${header.CamelDicomFindStatusName})");

        from("jms:queue:{{jms.queue}}")
            .routeId("jms-consumer")
            .log(LoggingLevel.INFO, LOGGER, "Received from {{jms.queue}}: ${header.PatientName} [${header.PatientID}]"
                    + " accession ${header.AccessionNumber}, ${header.Modality} on ${header.ScheduledStationAETitle}"
                    + " at ${header.ScheduledProcedureStepStartDate} (${body.length()} characters of DICOM JSON)");
    }
}
