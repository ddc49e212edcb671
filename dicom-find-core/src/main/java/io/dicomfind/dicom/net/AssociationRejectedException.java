package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.AAssociateRj;

/** The peer answered the A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21). */
public class AssociationRejectedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    /** PS3.8 Table 9-21: source 3, service-provider (presentation related function). */
    public static final int SOURCE_PRESENTATION = 3;
    /** PS3.8 Table 9-21, source 3: temporary-congestion. */
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    /** PS3.8 Table 9-21, source 3: local-limit-exceeded. */
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    private final int result;
    private final int source;
    private final int reason;

    public AssociationRejectedException(String message, AAssociateRj rj) {
        super(message);
        this.result = rj.result();
        this.source = rj.source();
        this.reason = rj.reason();
    }

    /** 1 = rejected-permanent, 2 = rejected-transient. */
    public int result() {
        return result;
    }

    /** 1 = service-user, 2 = service-provider (ACSE), 3 = service-provider (presentation). */
    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }

    /** Result, source and reason in words, e.g. "rejected-permanent by service-user: called-AE-title-not-recognized". */
    public String describe() {
        return new AAssociateRj(result, source, reason).describe();
    }

    /**
     * Whether trying again later may succeed: result rejected-transient, or the service-provider (presentation)
     * reasons temporary-congestion (1) and local-limit-exceeded (2) of PS3.8 Table 9-21 whatever the result says
     * (a busy SCP that calls its association cap permanent is still only busy). Everything else (unknown AE titles,
     * unsupported application context, no reason given with a permanent result) is permanent.
     */
    public boolean isTransient() {
        return result == AAssociateRj.RESULT_REJECTED_TRANSIENT
                || source == SOURCE_PRESENTATION && (reason == REASON_TEMPORARY_CONGESTION
                        || reason == REASON_LOCAL_LIMIT_EXCEEDED);
    }
}
