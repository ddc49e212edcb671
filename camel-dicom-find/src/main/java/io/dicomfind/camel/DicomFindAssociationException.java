package io.dicomfind.camel;

import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import java.io.IOException;

/**
 * The association could not be opened or broke during the C-FIND: what happened ({@link #getReason()}) and, for a
 * rejection or an abort, the result, source and reason in PS3.8's words ({@link #getReasonText()}). The network
 * layer's exception is the cause. Retrying helps for {@link #isTransient()} failures (rejected-transient, connection
 * refused, timeouts).
 */
public class DicomFindAssociationException extends DicomFindException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No TCP connection (refused, unknown host, connect timeout, TLS handshake). */
        CONNECTION_FAILED,
        /** A-ASSOCIATE-RJ (PS3.8 9.3.4). */
        REJECTED,
        /** A-ABORT from the peer (PS3.8 9.3.8). */
        ABORTED,
        /** No A-ASSOCIATE-AC/RJ or A-RELEASE-RP within acseTimeout. */
        ACSE_TIMEOUT,
        /** No C-FIND-RSP within dimseTimeout; the association was aborted. */
        DIMSE_TIMEOUT,
        /** The SCP accepted the association but not the FIND (or Verification) SOP class. */
        NO_PRESENTATION_CONTEXT,
        /** The peer broke the Upper Layer or DIMSE protocol; the association was aborted. */
        PROTOCOL_ERROR,
        /** The connection dropped or another I/O error. */
        CONNECTION_LOST
    }

    private final Reason reason;
    private final String reasonText;
    private final boolean transientFailure;

    public DicomFindAssociationException(String message, String peer, Reason reason, String reasonText,
            boolean transientFailure, Throwable cause) {
        super(message, peer, cause);
        this.reason = reason;
        this.reasonText = reasonText;
        this.transientFailure = transientFailure;
    }

    /** Classifies a network layer failure while doing {@code what} ("association", "C-FIND", "C-ECHO"). */
    static DicomFindAssociationException of(String peer, String what, IOException e) {
        Reason reason;
        String text = null;
        boolean trans = false;
        if (e instanceof AssociationRejectedException rj) {
            reason = Reason.REJECTED;
            text = rj.describe();
            trans = rj.isTransient();
        } else if (e instanceof AssociationAbortedException ab) {
            reason = Reason.ABORTED;
            text = ab.describe();
        } else if (e instanceof AcseTimeoutException) {
            reason = Reason.ACSE_TIMEOUT;
            trans = true;
        } else if (e instanceof DimseTimeoutException) {
            reason = Reason.DIMSE_TIMEOUT;
            trans = true;
        } else if (e instanceof NoPresentationContextException) {
            reason = Reason.NO_PRESENTATION_CONTEXT;
        } else if (e instanceof DicomProtocolException) {
            reason = Reason.PROTOCOL_ERROR;
        } else if (e.getCause() instanceof java.net.ConnectException
                || e.getCause() instanceof java.net.UnknownHostException
                || e.getCause() instanceof java.net.SocketTimeoutException && "association".equals(what)
                || e instanceof java.net.ConnectException) {
            reason = Reason.CONNECTION_FAILED;
            trans = true;
        } else {
            reason = "association".equals(what) ? Reason.CONNECTION_FAILED : Reason.CONNECTION_LOST;
            trans = true;
        }
        String message = what + " with " + peer + " failed (" + reason + (text != null ? ": " + text : "") + "): "
                + e.getMessage();
        return new DicomFindAssociationException(message, peer, reason, text, trans, e);
    }

    public Reason getReason() {
        return reason;
    }

    /**
     * For {@link Reason#REJECTED} and {@link Reason#ABORTED}: result, source and reason in words, e.g.
     * "rejected-permanent by service-user: called-AE-title-not-recognized"; null otherwise.
     */
    public String getReasonText() {
        return reasonText;
    }

    /** True when trying again later may succeed (rejected-transient, connection failures, timeouts). */
    public boolean isTransient() {
        return transientFailure;
    }
}
