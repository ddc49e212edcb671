package io.dicomfind.dicom.net.pdu;

/** A-ASSOCIATE-RJ (PS3.8 9.3.4): result, source and reason/diag. */
public record AAssociateRj(int result, int source, int reason) implements Pdu {
    public static final int RESULT_REJECTED_PERMANENT = 1;
    public static final int RESULT_REJECTED_TRANSIENT = 2;

    @Override
    public int type() {
        return A_ASSOCIATE_RJ;
    }

    /** PS3.8 Table 9-21 in words, e.g. "rejected-permanent by service-user: called-AE-title-not-recognized". */
    public String describe() {
        String res = switch (result) {
            case RESULT_REJECTED_PERMANENT -> "rejected-permanent";
            case RESULT_REJECTED_TRANSIENT -> "rejected-transient";
            default -> "rejected (unknown result " + result + ")";
        };
        return res + " by " + sourceName(source) + ": " + reasonName(source, reason);
    }

    static String sourceName(int source) {
        return switch (source) {
            case 1 -> "service-user";
            case 2 -> "service-provider (ACSE related function)";
            case 3 -> "service-provider (presentation related function)";
            default -> "unknown source " + source;
        };
    }

    static String reasonName(int source, int reason) {
        String name = switch (source) {
            case 1 -> switch (reason) {
                case 1 -> "no-reason-given";
                case 2 -> "application-context-name-not-supported";
                case 3 -> "calling-AE-title-not-recognized";
                case 7 -> "called-AE-title-not-recognized";
                default -> null;
            };
            case 2 -> switch (reason) {
                case 1 -> "no-reason-given";
                case 2 -> "protocol-version-not-supported";
                default -> null;
            };
            case 3 -> switch (reason) {
                case 1 -> "temporary-congestion";
                case 2 -> "local-limit-exceeded";
                default -> null;
            };
            default -> null;
        };
        return name != null ? name : "reserved reason " + reason;
    }
}
