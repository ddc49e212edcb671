package io.dicomfind.dicom.net;

/**
 * The peer broke the Upper Layer or DIMSE protocol (malformed or unexpected PDU, lying lengths, a response that does
 * not match the request). The association is aborted with {@link #abortReason()} (PS3.8 Table 9-26, source 2).
 */
public class DicomProtocolException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    /** PS3.8 Table 9-26 provider reasons. */
    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
    public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

    private final int abortSource;
    private final int abortReason;

    /** An Upper Layer protocol error: aborted with source 2 (service-provider) and this reason. */
    public DicomProtocolException(String message, int abortReason) {
        this(message, 2, abortReason, null);
    }

    public DicomProtocolException(String message, int abortReason, Throwable cause) {
        this(message, 2, abortReason, cause);
    }

    private DicomProtocolException(String message, int abortSource, int abortReason, Throwable cause) {
        super(message, cause);
        this.abortSource = abortSource;
        this.abortReason = abortReason;
    }

    /**
     * A DIMSE-level error (garbled command, response not matching the request): the Upper Layer framing was fine,
     * so the DIMSE user aborts (source 0).
     */
    public static DicomProtocolException dimse(String message) {
        return new DicomProtocolException(message, 0, REASON_NOT_SPECIFIED, null);
    }

    public static DicomProtocolException dimse(String message, Throwable cause) {
        return new DicomProtocolException(message, 0, REASON_NOT_SPECIFIED, cause);
    }

    /** Same error, message prefixed with where it happened (the peer, the operation). */
    public DicomProtocolException withContext(String context) {
        DicomProtocolException e = new DicomProtocolException(context + ": " + getMessage(), abortSource,
                abortReason, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The A-ABORT source sent to the peer: 2 (service-provider) for PDU errors, 0 (service-user) for DIMSE. */
    public int abortSource() {
        return abortSource;
    }

    /** The A-ABORT reason (source 2) sent to the peer for this error. */
    public int abortReason() {
        return abortReason;
    }
}
