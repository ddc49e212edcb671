package io.dicomfind.dicom.net.pdu;

/** A-ABORT (PS3.8 9.3.8): source and reason/diag. */
public record AAbort(int source, int reason) implements Pdu {
    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    @Override
    public int type() {
        return A_ABORT;
    }

    /** Source and reason in words (PS3.8 Table 9-26); the reason is only significant for the provider. */
    public String describe() {
        String src = switch (source) {
            case SOURCE_SERVICE_USER -> "service-user";
            case 1 -> "reserved source 1";
            case SOURCE_SERVICE_PROVIDER -> "service-provider";
            default -> "unknown source " + source;
        };
        if (source != SOURCE_SERVICE_PROVIDER) {
            return "aborted by " + src;
        }
        return "aborted by " + src + ": " + reasonName(reason);
    }

    public static String reasonName(int reason) {
        return switch (reason) {
            case 0 -> "reason-not-specified";
            case 1 -> "unrecognized-PDU";
            case 2 -> "unexpected-PDU";
            case 4 -> "unrecognized-PDU-parameter";
            case 5 -> "unexpected-PDU-parameter";
            case 6 -> "invalid-PDU-parameter-value";
            default -> "reserved reason " + reason;
        };
    }
}
