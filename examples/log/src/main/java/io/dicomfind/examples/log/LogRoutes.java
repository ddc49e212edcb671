package io.dicomfind.examples.log;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Asks the worklist server for the day's Scheduled Procedure Steps and logs each item as it arrives: a one-line
 * summary at INFO, the whole identifier at DEBUG (logger {@value #LOGGER}).
 *
 * <p>{@code outputType=StreamList} hands the responses over one by one while the C-FIND runs, and the split routes each
 * as its own exchange; the association is released when the split ends. The status headers are set when the stream
 * ends, so the last line can report them.
 */
public class LogRoutes extends RouteBuilder {
    static final String LOGGER = "io.dicomfind.examples.log";

    @Override
    public void configure() {
        from("timer:worklist?delay=0&period={{query.period}}&repeatCount={{query.repeat}}")
            .routeId("query-worklist")
            .log(LoggingLevel.INFO, LOGGER, "Asking {{dicom.aet}}@{{dicom.host}}:{{dicom.port}} for worklist items"
                    + " (modality '{{query.modality:}}', station '{{query.station:}}', date '{{query.date:}}')")
            .to("dicomfind:{{dicom.aet}}@{{dicom.host}}:{{dicom.port}}?outputType=StreamList"
                    + "&key.PatientName=&key.PatientID=&key.AccessionNumber=&key.RequestedProcedureDescription="
                    + "&key.(0040,0100)[0].Modality={{query.modality:}}"
                    + "&key.(0040,0100)[0].ScheduledStationAETitle={{query.station:}}"
                    + "&key.(0040,0100)[0].ScheduledProcedureStepStartDate={{query.date:}}"
                    + "&key.(0040,0100)[0].ScheduledProcedureStepStartTime=")
            .split(body()).streaming()
                .log(LoggingLevel.DEBUG, LOGGER, "Worklist item ${exchangeProperty.CamelSplitIndex}:\n"
                        + "${bean:io.dicomfind.examples.log.WorklistText?method=dump}")
                .setBody(method(WorklistText.class, "summary"))
                .log(LoggingLevel.INFO, LOGGER, "${body}")
            .end()
            .log(LoggingLevel.INFO, LOGGER, "C-FIND ended: ${header.CamelDicomFindStatusName},"
                    + " ${header.CamelDicomFindResponseCount} items in ${header.CamelDicomFindElapsed} ms");
    }
}
