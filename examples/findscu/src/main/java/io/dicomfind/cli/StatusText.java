package io.dicomfind.cli;

import io.dicomfind.dicom.net.DimseStatus;
import java.util.Locale;

/**
 * C-FIND status codes in the words findscu logs ("Success", "Pending", "Refused: OutOfResources" ...), so that
 * "Received Final Find Response (...)" lines read as DCMTK's do. Codes per PS3.4 C.4.1.1.4 and PS3.7 Annex C.
 */
final class StatusText {
    private StatusText() {
    }

    static String of(int code) {
        return switch (code) {
            case DimseStatus.SUCCESS -> "Success";
            case DimseStatus.PENDING -> "Pending";
            case DimseStatus.PENDING_WARNING -> "Pending: WarningUnsupportedOptionalKeys";
            case DimseStatus.CANCEL -> "Cancel: MatchingTerminatedDueToCancelRequest";
            case 0xA700 -> "Refused: OutOfResources";
            case 0x0122 -> "Refused: SOPClassNotSupported";
            case 0xA900 -> "Failed: IdentifierDoesNotMatchSOPClass";
            default -> (code & 0xF000) == 0xC000 ? "Failed: UnableToProcess"
                    : String.format(Locale.ROOT, "Unknown Status: 0x%x", code);
        };
    }
}
