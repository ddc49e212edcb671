package io.dicomfind.dicom.net.tls;

import io.dicomfind.dicom.net.DicomNetworkException;

/**
 * The TLS handshake with a peer failed (or the peer ended the session with a fatal alert right after it). The
 * message names the peer and the cause in words; {@link #reason()} classifies it.
 */
public class TlsHandshakeException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    /** Why the handshake failed. */
    public enum Reason {
        /** The peer's certificate does not chain to a trusted certificate ({@code +cf}/{@code +cd}). */
        UNTRUSTED_PEER_CERTIFICATE,
        /** A certificate of the peer's chain has expired or is not yet valid. */
        EXPIRED_PEER_CERTIFICATE,
        /** A certificate of the peer's chain is listed in a CRL. */
        REVOKED_PEER_CERTIFICATE,
        /** Revocation was to be checked but no valid CRL of the issuer was given. */
        REVOCATION_UNKNOWN,
        /** The peer sent no certificate although one is required. */
        NO_PEER_CERTIFICATE,
        /** The server certificate does not name the host connected to (only with host name verification). */
        HOST_NAME_MISMATCH,
        /** The peer refused our certificate (unknown issuer, expired, revoked, bad). */
        OWN_CERTIFICATE_REJECTED,
        /** The server requires a client certificate and we sent none ({@code +tla}, or no matching key type). */
        CLIENT_CERTIFICATE_REQUIRED,
        /** No TLS version both sides allow (e.g. a peer limited to TLS 1.0/1.1). */
        NO_COMMON_PROTOCOL,
        /** No cipher suite both sides allow. */
        NO_COMMON_CIPHER_SUITE,
        /** The server does not know the server name we asked for with SNI. */
        SNI_MISMATCH,
        /** The peer does not speak TLS, or closed the connection during the handshake. */
        NOT_TLS,
        /** No answer to the handshake within the handshake timeout. */
        TIMEOUT,
        /** Anything else; the message carries the TLS implementation's own words. */
        OTHER
    }

    private final Reason reason;

    public TlsHandshakeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
