package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.AAbort;

/** The peer sent an A-ABORT (PS3.8 9.3.8, Table 9-26). A transport drop is reported as {@link DicomNetworkException}. */
public class AssociationAbortedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    private final int source;
    private final int reason;

    public AssociationAbortedException(String message, AAbort abort) {
        super(message);
        this.source = abort.source();
        this.reason = abort.reason();
    }

    /** 0 = service-user, 2 = service-provider. */
    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }

    public String describe() {
        return new AAbort(source, reason).describe();
    }
}
