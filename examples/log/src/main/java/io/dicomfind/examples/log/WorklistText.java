package io.dicomfind.examples.log;

import io.dicomfind.camel.DicomFindConstants;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.io.DumpWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import org.apache.camel.Header;

/**
 * Worklist responses as text for a log: one readable line per item, and the whole identifier in dcmdump's layout.
 */
public final class WorklistText {
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int REQUESTED_PROCEDURE_DESCRIPTION = 0x00321060;
    static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    static final int MODALITY = 0x00080060;
    static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    static final int SCHEDULED_PROCEDURE_STEP_START_DATE = 0x00400002;
    static final int SCHEDULED_PROCEDURE_STEP_START_TIME = 0x00400003;

    /** Camel's bean binding creates one; the methods are static. */
    public WorklistText() {
    }

    /**
     * {@code DOE^JOHN [PAT001] accession WL001: CT on CT01 at 20250106 083000 - CT CHEST W/O CONTRAST}, from the
     * patient and the first Scheduled Procedure Step (PS3.4 K.6.1.2.2); absent values print as empty. The YAML route
     * builds the same line with Simple.
     */
    public static String summary(Attributes item) {
        Sequence steps = item.getSequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        Attributes step = steps == null || steps.isEmpty() ? new Attributes() : steps.get(0);
        return text(item, PATIENT_NAME) + " [" + text(item, PATIENT_ID) + "] accession "
                + text(item, ACCESSION_NUMBER) + ": " + text(step, MODALITY) + " on "
                + text(step, SCHEDULED_STATION_AE_TITLE) + " at " + text(step, SCHEDULED_PROCEDURE_STEP_START_DATE)
                + " " + text(step, SCHEDULED_PROCEDURE_STEP_START_TIME) + " - "
                + text(item, REQUESTED_PROCEDURE_DESCRIPTION);
    }

    /** The identifier as dcmdump prints it, lengths computed for the transfer syntax the SCP sent it in. */
    public static String dump(Attributes item, @Header(DicomFindConstants.TRANSFER_SYNTAX_UID) String transferSyntaxUid) {
        TransferSyntax ts = transferSyntaxUid == null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.forUid(transferSyntaxUid);
        return new DumpWriter(ts).dump(item);
    }

    private static String text(Attributes ds, int tag) {
        String[] values = ds.getStrings(tag);
        return values == null ? "" : String.join("\\", values);
    }
}
