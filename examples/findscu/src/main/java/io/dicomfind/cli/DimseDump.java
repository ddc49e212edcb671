package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.Priority;
import java.util.Locale;

/**
 * The DIMSE message blocks findscu logs at {@code -d} for each C-FIND-RQ it sends and each C-FIND-RSP it receives
 * (PS3.7 9.3.2), in DCMTK 3.6.7's layout: a banner, one {@code Name : value} line per command field, an end banner.
 */
final class DimseDump {
    /** Command Data Set Type (0000,0800) value meaning "no data set" (PS3.7 E.1). */
    private static final int NO_DATA_SET = 0x0101;

    private DimseDump() {
    }

    static String findRequest(int presentationContextId, int messageId, String sopClassUid, Priority priority) {
        return "===================== OUTGOING DIMSE MESSAGE ====================\n"
                + "Message Type                  : C-FIND RQ\n"
                + "Presentation Context ID       : " + presentationContextId + "\n"
                + "Message ID                    : " + messageId + "\n"
                + "Affected SOP Class UID        : " + sopClassName(sopClassUid) + "\n"
                + "Data Set                      : present\n"
                + "Priority                      : " + priority.name().toLowerCase(Locale.ROOT) + "\n"
                + "======================= END DIMSE MESSAGE =======================\n";
    }

    static String findResponse(FindResponse rsp) {
        Attributes cmd = rsp.command();
        String sopClass = cmd == null ? null : cmd.getString(Tag.AffectedSOPClassUID);
        boolean dataSet = cmd != null ? cmd.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET
                : rsp.identifier() != null;
        return "===================== INCOMING DIMSE MESSAGE ====================\n"
                + "Message Type                  : C-FIND RSP\n"
                + "Message ID Being Responded To : " + rsp.messageIdBeingRespondedTo() + "\n"
                + "Affected SOP Class UID        : " + (sopClass == null ? "none" : sopClassName(sopClass)) + "\n"
                + "Data Set                      : " + (dataSet ? "present" : "none") + "\n"
                + "DIMSE Status                  : " + status(rsp.status().code()) + "\n"
                + "======================= END DIMSE MESSAGE =======================\n";
    }

    /** {@code 0xff00: Pending: Matches are continuing}: the code and its C-FIND meaning (PS3.4 C.4.1.1.4). */
    static String status(int code) {
        String meaning = switch (code) {
            case DimseStatus.SUCCESS -> "Success: Matching is complete";
            case DimseStatus.PENDING -> "Pending: Matches are continuing";
            case DimseStatus.PENDING_WARNING -> "Pending: Matches are continuing - Warning: Unsupported optional keys";
            case DimseStatus.CANCEL -> "Cancel: Matching terminated due to Cancel Request";
            case 0x0122 -> "Refused: SOP Class not supported";
            case 0xA700 -> "Refused: Out of resources";
            default -> (code & 0xFF00) == 0xA900 ? "Error: Data Set does not match SOP Class"
                    : (code & 0xF000) == 0xC000 ? "Failed: Unable to process" : statusClass(code);
        };
        return String.format(Locale.ROOT, "0x%04x: ", code) + meaning;
    }

    /** Codes without a C-FIND meaning: their class by range (PS3.7 C.1 - C.5). */
    private static String statusClass(int code) {
        return switch (DimseStatus.categoryOf(code)) {
            case SUCCESS -> "Success";
            case PENDING -> "Pending";
            case CANCEL -> "Cancel";
            case WARNING -> "Warning";
            default -> "Failure";
        };
    }

    /** The UID's DCMTK name, else the UID escaped: a response's command set is the peer's text. */
    private static String sopClassName(String uid) {
        return io.dicomfind.dicom.data.SafeText.escape(AssociateDump.uid(uid).replaceFirst("^=", ""));
    }
}
