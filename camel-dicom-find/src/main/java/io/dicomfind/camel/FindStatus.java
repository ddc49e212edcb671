package io.dicomfind.camel;

import java.util.Locale;

/**
 * A C-FIND-RSP status (0000,0900) with its category and description (PS3.7 Annex C; PS3.4 C.4.1.1.4 and
 * K.4.1.1.4), and the Error Comment (0000,0902) when the SCP sent one.
 *
 * @param code         the status code
 * @param description  the status in words, e.g. "Refused: Out of Resources"; derived from the code when null
 * @param errorComment (0000,0902), or null
 */
public record FindStatus(int code, String description, String errorComment) {
    /** PS3.7 C: the class of a status; every status but {@link #PENDING} ends the C-FIND (PS3.4 C.4.1.2). */
    public enum Category { SUCCESS, PENDING, CANCEL, WARNING, FAILURE }

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    public FindStatus {
        if (description == null) {
            description = describe(code);
        }
    }

    public static FindStatus of(int code) {
        return new FindStatus(code, null, null);
    }

    public Category category() {
        return categoryOf(code);
    }

    /** By value and range, so that unknown codes are still classified (PS3.7 C). */
    public static Category categoryOf(int code) {
        if (code == SUCCESS) {
            return Category.SUCCESS;
        }
        if (code == PENDING || code == PENDING_WARNING) {
            return Category.PENDING;
        }
        if (code == CANCEL) {
            return Category.CANCEL;
        }
        if ((code & 0xF000) == 0xB000 || code == 0x0001 || code == 0x0107 || code == 0x0116) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    /** The C-FIND statuses in words (PS3.4 C.4.1.1.4, K.4.1.1.4; general codes PS3.7 C). */
    public static String describe(int code) {
        return switch (code) {
            case SUCCESS -> "Success";
            case PENDING -> "Pending";
            case PENDING_WARNING -> "Pending: optional keys not supported";
            case CANCEL -> "Cancel: matching terminated";
            case 0xA700 -> "Refused: Out of Resources";
            case 0xA900 -> "Identifier does not match SOP Class";
            case 0x0122 -> "Refused: SOP Class not supported";
            case 0x0124 -> "Refused: Not authorized";
            case 0x0210 -> "Duplicate invocation";
            case 0x0211 -> "Unrecognized operation";
            case 0x0212 -> "Mistyped argument";
            case 0xB001 -> "Warning: response limit reached";
            default -> switch (categoryOf(code)) {
                case WARNING -> "Warning";
                case FAILURE -> (code & 0xF000) == 0xC000 ? "Failed: Unable to process" : "Failure";
                default -> "Status";
            };
        };
    }

    public boolean isPending() {
        return category() == Category.PENDING;
    }

    public boolean isFinal() {
        return !isPending();
    }

    public boolean isFailure() {
        return category() == Category.FAILURE;
    }

    /** The code as DICOM writes it, e.g. "A700H". */
    public String hex() {
        return String.format(Locale.ROOT, "%04XH", code);
    }

    @Override
    public String toString() {
        return hex() + " " + description + (errorComment != null ? " [" + errorComment + "]" : "");
    }
}
