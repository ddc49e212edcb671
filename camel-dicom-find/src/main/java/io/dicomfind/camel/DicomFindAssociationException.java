package io.dicomfind.camel;

import io.dicomfind.dicom.net.AcseTimeoutException;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationRejectedException;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseTimeoutException;
import io.dicomfind.dicom.net.NoPresentationContextException;
import io.dicomfind.dicom.net.ResponseLimitExceededException;
import io.dicomfind.dicom.net.tls.TlsHandshakeException;
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
        /** No TCP connection (refused, unknown host, connect timeout). */
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
        /**
         * More Pending responses than the endpoint's maxResponses allows; the association was aborted. The exception
         * is a {@link DicomFindResponseLimitException}.
         */
        RESPONSE_LIMIT_EXCEEDED,
        /** The connection dropped or another I/O error. */
        CONNECTION_LOST,
        /**
         * The DICOM TLS handshake failed (PS3.15 B.1), or the peer ended the TLS session with a fatal alert right
         * after it; the exception is a {@link DicomFindTlsException} whose {@code getTlsReason()} says why.
         */
        TLS_HANDSHAKE_FAILED,
        /**
         * producerPoolEnabled: all producerPoolMaxTotal pooled associations stayed in use for producerPoolMaxWait (or
         * producerPoolBlockWhenExhausted is false). Nothing was sent to the peer.
         */
        POOL_EXHAUSTED,
        /**
         * The SCP rejected the association that carried our user identity, or did not confirm it although a positive
         * response was requested (PS3.7 D.3.3.7); the exception is a {@link DicomFindUserIdentityException}.
         */
        USER_IDENTITY_REJECTED
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
        TlsHandshakeException tls = DicomFindTlsException.tlsFailure(e);
        if (tls != null) {
            return DicomFindTlsException.of(peer, what, tls, e);
        }
        if (e instanceof io.dicomfind.dicom.net.UserIdentityRejectedException identity) {
            return DicomFindUserIdentityException.of(peer, what, identity);
        }
        if (e instanceof ResponseLimitExceededException limit) {
            return new DicomFindResponseLimitException(peer, what, limit);
        }
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
        } else if (e instanceof AssociationPool.PoolExhaustedException) {
            reason = Reason.POOL_EXHAUSTED;
            trans = true;
        } else if (e instanceof NoPresentationContextException) {
            reason = Reason.NO_PRESENTATION_CONTEXT;
        } else if (e instanceof DicomProtocolException) {
            reason = Reason.PROTOCOL_ERROR;
        } else if (isConnectFailure(what, e)) {
            reason = Reason.CONNECTION_FAILED;
            trans = true;
        } else {
            // connected, then closed, reset or broken: also while waiting for the A-ASSOCIATE-AC
            reason = Reason.CONNECTION_LOST;
            trans = true;
        }
        // The network layer's message already ends with the rejection or abort in words (the reason text): repeat
        // it only if it does not.
        String cause = String.valueOf(e.getMessage());
        String message = what + " with " + peer + " failed (" + reason
                + (text != null && !cause.contains(text) ? ": " + text : "") + "): " + cause;
        return new DicomFindAssociationException(message, peer, reason, text, trans, e);
    }

    /**
     * No TCP (or TLS) connection came about: refused, no route, unknown host, connect timeout, handshake. A peer that
     * accepted the connection and then closed or reset it is not one of these, whatever it was waiting for.
     */
    private static boolean isConnectFailure(String what, IOException e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        return c instanceof java.net.ConnectException
                || c instanceof java.net.NoRouteToHostException
                || c instanceof java.net.UnknownHostException
                || c instanceof javax.net.ssl.SSLException
                || c instanceof IllegalArgumentException // an unresolvable host name
                || c instanceof java.net.SocketTimeoutException && "association".equals(what)
                        && String.valueOf(e.getMessage()).startsWith("cannot connect to ");
    }

    public Reason getReason() {
        return reason;
    }

    /**
     * For {@link Reason#REJECTED} and {@link Reason#ABORTED}: result, source and reason in words, e.g.
     * "rejected-permanent by service-user: called-AE-title-not-recognized"; for {@link Reason#TLS_HANDSHAKE_FAILED}
     * the TLS cause in words, e.g. "untrusted peer certificate"; null otherwise.
     */
    public String getReasonText() {
        return reasonText;
    }

    /** True when trying again later may succeed (rejected-transient, connection failures, timeouts). */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * True for an A-ASSOCIATE-RJ that says "not now" (PS3.8 9.3.4, Table 9-21): result rejected-transient, or the
     * presentation-related reasons temporary-congestion and local-limit-exceeded (an SCP at its association cap).
     * False for a permanent rejection (unknown AE titles, unsupported application context) and for every failure
     * that is not a rejection. The property a redelivery policy retries on:
     * {@code onException(DicomFindAssociationException.class).onWhen(simple("${exception.transientRejection}"))}.
     */
    public boolean isTransientRejection() {
        return reason == Reason.REJECTED && transientFailure;
    }
}
