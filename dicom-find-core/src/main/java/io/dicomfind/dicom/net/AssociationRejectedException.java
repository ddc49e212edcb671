package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.AAssociateRj;

/** The peer answered the A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 9.3.4, Table 9-21). */
public class AssociationRejectedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

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

    public boolean isTransient() {
        return result == AAssociateRj.RESULT_REJECTED_TRANSIENT;
    }
}
