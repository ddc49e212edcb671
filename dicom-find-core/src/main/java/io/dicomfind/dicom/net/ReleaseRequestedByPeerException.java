package io.dicomfind.dicom.net;

/**
 * The peer sent A-RELEASE-RQ while our request was outstanding: on a reused association, the SCP released it for
 * idleness just as our request went out. Still a protocol error for this association (it is aborted, PS3.8 Table
 * 9-26 unexpected-PDU), but one that says nothing about the request itself: a read-only request may be sent again on
 * another association.
 */
public final class ReleaseRequestedByPeerException extends DicomProtocolException {
    private static final long serialVersionUID = 1L;

    ReleaseRequestedByPeerException(String message) {
        super(message, REASON_UNEXPECTED_PDU);
    }

    @Override
    public ReleaseRequestedByPeerException withContext(String context) {
        ReleaseRequestedByPeerException e = new ReleaseRequestedByPeerException(context + ": " + getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
