package io.dicomfind.cli;

/**
 * A-ASSOCIATE-RJ result, source and reason in the words findscu logs (PS3.8 9.3.4, Table 9-21), and failure
 * messages for the "Association Request Failed" / "Find SCU Failed" lines.
 */
final class AssociationText {
    private AssociationText() {
    }

    static String result(int result) {
        return switch (result) {
            case 1 -> "Rejected Permanent";
            case 2 -> "Rejected Transient";
            default -> "Unknown Result " + result;
        };
    }

    static String source(int source) {
        return switch (source) {
            case 1 -> "Service User";
            case 2 -> "Service Provider (ACSE Related Function)";
            case 3 -> "Service Provider (Presentation Related Function)";
            default -> "Unknown Source " + source;
        };
    }

    static String reason(int source, int reason) {
        String text = switch (source * 100 + reason) {
            case 101, 201 -> "No Reason";
            case 102 -> "App Context Name Not Supported";
            case 103 -> "Calling AE Title Not Recognized";
            case 107 -> "Called AE Title Not Recognized";
            case 202 -> "Protocol Version Not Supported";
            case 301 -> "Temporary Congestion";
            case 302 -> "Local Limit Exceeded";
            default -> null;
        };
        return text != null ? text : "Unknown Reason " + reason;
    }

    /** The exception's message, with its cause's when that says more (e.g. "Connection refused"). */
    static String failure(Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) {
            m = m + ": " + c.getMessage();
        }
        return io.dicomfind.dicom.data.SafeText.escape(m); // messages can quote the peer (docs/robustness.md)
    }
}
