package io.dicomfind.examples.polling;

import io.dicomfind.examples.jms.JmsProperties;

import io.dicomfind.camel.DicomDataFormat;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the worklist server for today's Scheduled Procedure Steps of one station (its AE title, as a modality asks for
 * its own worklist, PS3.4 K.6.1.2.2) and hands every new item once to JMS and to a file.
 *
 * <p>The {@code dicomfind} consumer runs the C-FIND every {@code poll.delay} ms; the date key ({@code poll.date},
 * {@code ${date:now:yyyyMMdd}} by default) is a Simple expression evaluated anew for every poll, so the query moves on
 * at midnight by itself. {@code idempotent=true} skips items
 * routed by an earlier poll; the key is the accession number and the Scheduled Procedure Step ID, so a rescheduled
 * step (same IDs) is not sent again. A failed item is forgotten and tried again at the next poll.
 */
public class WorklistPollingRoutes extends RouteBuilder {
    static final String LOGGER = "io.dicomfind.examples.polling";

    @Override
    public void configure() {
        DicomDataFormat json = new DicomDataFormat(DicomDataFormat.Format.json);

        from("dicomfind:{{ris.aet}}@{{ris.host}}:{{ris.port}}?delay={{poll.delay}}&initialDelay=0"
                + "&idempotent=true"
                + "&idempotentKey=${bodyAs(java.util.Map)[AccessionNumber]}/"
                + "${bodyAs(java.util.Map)[ScheduledProcedureStepSequence][0][ScheduledProcedureStepID]}"
                + "&key.PatientName=&key.PatientID=&key.PatientBirthDate=&key.PatientSex="
                + "&key.AccessionNumber=&key.StudyInstanceUID=&key.RequestedProcedureDescription="
                + "&key.(0040,0100)[0].ScheduledStationAETitle={{station.aet}}"
                + "&key.(0040,0100)[0].ScheduledProcedureStepStartDate={{poll.date}}"
                + "&key.(0040,0100)[0].ScheduledProcedureStepStartTime="
                + "&key.(0040,0100)[0].Modality="
                + "&key.(0040,0100)[0].ScheduledProcedureStepID="
                + "&key.(0040,0100)[0].ScheduledProcedureStepDescription=")
            .routeId("poll-worklist")
            .process(JmsProperties::setKeyAttributes)
            .log(LoggingLevel.INFO, LOGGER, "New worklist item for {{station.aet}}: ${header.PatientName}"
                    + " [${header.PatientID}] accession ${header.AccessionNumber}, step"
                    + " ${header.ScheduledProcedureStepID} at ${header.ScheduledProcedureStepStartDate}")
            .marshal(json)
            .convertBodyTo(String.class)
            .multicast()
                .to("jms:queue:{{jms.queue}}?jmsMessageType=Text")
                .to("file:{{output.dir}}?fileName=${header.AccessionNumber}-${header.ScheduledProcedureStepID}.json")
            .end();
    }
}
