package io.dicomfind.examples.jms;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * Key attributes of a worklist item as message headers, which camel-jms sends as JMS properties: receivers can route
 * and select on them ({@code Modality = 'CT' AND ScheduledStationAETitle = 'CT01'}) without parsing the body. The
 * names are the DICOM keywords (PS3.6), which are valid JMS property names; absent attributes are left out.
 */
public class JmsProperties {
    static final int PATIENT_ID = 0x00100020;
    static final int PATIENT_NAME = 0x00100010;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    static final int MODALITY = 0x00080060;
    static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    static final int SCHEDULED_PROCEDURE_STEP_START_DATE = 0x00400002;
    static final int SCHEDULED_PROCEDURE_STEP_ID = 0x00400009;

    /** Sets the headers from the body, which must be the identifier ({@code Attributes}). */
    public static void setKeyAttributes(Exchange exchange) throws InvalidPayloadException {
        Message m = exchange.getMessage();
        Attributes item = m.getMandatoryBody(Attributes.class);
        put(m, "PatientID", item, PATIENT_ID);
        put(m, "PatientName", item, PATIENT_NAME);
        put(m, "AccessionNumber", item, ACCESSION_NUMBER);
        put(m, "StudyInstanceUID", item, STUDY_INSTANCE_UID);
        Sequence steps = item.getSequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        if (steps != null && !steps.isEmpty()) {
            Attributes step = steps.get(0);
            put(m, "Modality", step, MODALITY);
            put(m, "ScheduledStationAETitle", step, SCHEDULED_STATION_AE_TITLE);
            put(m, "ScheduledProcedureStepStartDate", step, SCHEDULED_PROCEDURE_STEP_START_DATE);
            put(m, "ScheduledProcedureStepID", step, SCHEDULED_PROCEDURE_STEP_ID);
        }
    }

    private static void put(Message m, String name, Attributes ds, int tag) {
        String[] values = ds.getStrings(tag);
        if (values != null && values.length > 0) {
            m.setHeader(name, String.join("\\", values)); // several values as DICOM writes them (PS3.5 6.4)
        }
    }
}
