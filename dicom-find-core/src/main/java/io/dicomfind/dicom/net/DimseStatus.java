package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.Tag;

/**
 * A DIMSE response status (0000,0900) with its category and name in words (PS3.7 Annex C; PS3.4 C.4.1.1.4,
 * K.4.1.1.4), plus the optional Error Comment (0000,0902), Offending Element (0000,0901) and Error ID (0000,0903).
 */
public final class DimseStatus {
    /** PS3.7 C: the class of a status; any status but {@link #PENDING} ends the operation. */
    public enum Category { SUCCESS, PENDING, CANCEL, WARNING, FAILURE }

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    private final int code;
    private final String errorComment;
    private final int[] offendingElements;
    private final int errorId;

    public DimseStatus(int code, String errorComment, int[] offendingElements, int errorId) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
        this.code = code;
        this.errorComment = errorComment;
        this.offendingElements = offendingElements == null ? new int[0] : offendingElements.clone();
        this.errorId = errorId;
    }

    public static DimseStatus of(int code) {
        return new DimseStatus(code, null, null, -1);
    }

    /** The status of a decoded response command; {@code code} has already been validated by the caller. */
    static DimseStatus fromCommand(int code, Attributes cmd) {
        String comment = cmd.getString(Tag.ErrorComment);
        if (comment != null && cmd.value(Tag.ErrorComment) instanceof byte[] raw) {
            // a command set is in the default repertoire (PS3.7 6.3.1), which holds no escapes: each byte is kept
            // as one character, so that whatever the peer sent is shown (escaped) rather than replaced
            comment = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        }
        int[] offending = null;
        if (cmd.value(Tag.OffendingElement) instanceof byte[] b && b.length >= 4) {
            offending = new int[b.length / 4];
            for (int i = 0; i < offending.length; i++) {
                offending[i] = ByteOrder.getShortLE(b, 4 * i) << 16 | ByteOrder.getShortLE(b, 4 * i + 2);
            }
        }
        int errorId = cmd.value(Tag.ErrorID) instanceof byte[] b && b.length == 2 ? ByteOrder.getShortLE(b, 0) : -1;
        return new DimseStatus(code, comment, offending, errorId);
    }

    public int code() {
        return code;
    }

    public Category category() {
        return categoryOf(code);
    }

    /** Classification by value and range, so that unknown codes are still handled (PS3.7 C). */
    public static Category categoryOf(int code) {
        if (code == PENDING || code == PENDING_WARNING) {
            return Category.PENDING;
        }
        if (code == CANCEL) {
            return Category.CANCEL;
        }
        if (code == SUCCESS) {
            return Category.SUCCESS;
        }
        if ((code & 0xF000) == 0xB000 || code == 0x0001 || code == 0x0107 || code == 0x0116) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    /** The status in words, e.g. "Refused: Out of Resources". */
    public String description() {
        return describe(code);
    }

    public static String describe(int code) {
        switch (code) {
            case SUCCESS: return "Success";
            case PENDING: return "Pending: matches are continuing";
            case PENDING_WARNING:
                return "Pending: matches are continuing, one or more Optional Keys were not supported";
            case CANCEL: return "Cancel: matching terminated due to Cancel request";
            case 0x0001: return "Warning: requested optional attributes are not supported";
            case 0xA700: return "Refused: Out of Resources";
            case 0xA710: return "Failed: Invalid Prior Record Key";
            case 0xA900: return "Identifier does not match SOP Class";
            case 0xB001: return "Warning: response limit reached";
            case 0x0105: return "No such attribute";
            case 0x0106: return "Invalid attribute value";
            case 0x0107: return "Warning: attribute list error";
            case 0x0110: return "Processing failure";
            case 0x0111: return "Duplicate SOP Instance";
            case 0x0112: return "No such SOP Instance";
            case 0x0113: return "No such event type";
            case 0x0114: return "No such argument";
            case 0x0115: return "Invalid argument value";
            case 0x0116: return "Warning: attribute value out of range";
            case 0x0117: return "Invalid object instance";
            case 0x0118: return "No such SOP Class";
            case 0x0119: return "Class-instance conflict";
            case 0x0120: return "Missing attribute";
            case 0x0121: return "Missing attribute value";
            case 0x0122: return "Refused: SOP Class not supported";
            case 0x0123: return "No such action type";
            case 0x0124: return "Refused: Not authorized";
            case 0x0210: return "Duplicate invocation";
            case 0x0211: return "Unrecognized operation";
            case 0x0212: return "Mistyped argument";
            case 0x0213: return "Resource limitation";
            default: break;
        }
        return switch (code & 0xF000) {
            case 0xC000 -> "Failed: Unable to process";
            case 0xA000 -> (code & 0xFF00) == 0xA700 ? "Refused: Out of Resources"
                    : (code & 0xFF00) == 0xA900 ? "Error: Data Set does not match SOP Class" : "Failure";
            case 0xB000 -> "Warning";
            default -> categoryOf(code) == Category.WARNING ? "Warning" : "Failure";
        };
    }

    public String errorComment() {
        return errorComment;
    }

    /** Tags from Offending Element (0000,0901), empty if absent. */
    public int[] offendingElements() {
        return offendingElements.clone();
    }

    /** Error ID (0000,0903), or -1 if absent. */
    public int errorId() {
        return errorId;
    }

    public boolean isPending() {
        return category() == Category.PENDING;
    }

    /** Any status that is not Pending ends the operation (PS3.4 C.4.1.2, K.4.1.2). */
    public boolean isFinal() {
        return !isPending();
    }

    public boolean isSuccess() {
        return code == SUCCESS;
    }

    public boolean isFailure() {
        return category() == Category.FAILURE;
    }

    /** E.g. "A700H Refused: Out of Resources [comment: ..., offending: (0010,0010)]". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%04XH %s", code, description()));
        boolean extra = errorComment != null || offendingElements.length > 0 || errorId >= 0;
        if (extra) {
            sb.append(" [");
            String sep = "";
            if (errorComment != null) {
                sb.append("comment: ").append(io.dicomfind.dicom.data.SafeText.escape(errorComment)); // peer text
                sep = ", ";
            }
            if (offendingElements.length > 0) {
                sb.append(sep).append("offending element:");
                for (int t : offendingElements) {
                    sb.append(' ').append(Tag.toString(t));
                }
                sep = ", ";
            }
            if (errorId >= 0) {
                sb.append(sep).append(String.format("error ID %04XH", errorId));
            }
            sb.append(']');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DimseStatus s && s.code == code && java.util.Objects.equals(s.errorComment, errorComment)
                && java.util.Arrays.equals(s.offendingElements, offendingElements) && s.errorId == errorId;
    }

    @Override
    public int hashCode() {
        return code;
    }
}
