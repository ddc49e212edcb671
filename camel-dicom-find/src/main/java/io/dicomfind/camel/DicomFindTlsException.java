package io.dicomfind.camel;

import io.dicomfind.dicom.net.tls.TlsHandshakeException;

/**
 * The DICOM TLS handshake with the peer failed (PS3.15 B.1): an {@link DicomFindAssociationException} with reason
 * {@link Reason#TLS_HANDSHAKE_FAILED} that also says why, as {@link #getTlsReason()} and in words in the message
 * (untrusted, expired or revoked peer certificate, client certificate required, our certificate refused, no common
 * TLS version or cipher suite, not TLS on that port, ...), followed by which option to look at. The cause is the
 * network layer's {@link TlsHandshakeException}.
 */
public class DicomFindTlsException extends DicomFindAssociationException {
    private static final long serialVersionUID = 1L;

    private final TlsHandshakeException.Reason tlsReason;

    public DicomFindTlsException(String message, String peer, TlsHandshakeException.Reason tlsReason,
            boolean transientFailure, Throwable cause) {
        super(message, peer, Reason.TLS_HANDSHAKE_FAILED, describe(tlsReason), transientFailure, cause);
        this.tlsReason = tlsReason;
    }

    /** Why the handshake failed. */
    public TlsHandshakeException.Reason getTlsReason() {
        return tlsReason;
    }

    /** The TLS failure in {@code e} or its causes, or null. */
    static TlsHandshakeException tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TlsHandshakeException h) {
                return h;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** {@code what} ("association", "C-FIND", "C-ECHO") with {@code peer} failed because of {@code tls}. */
    static DicomFindTlsException of(String peer, String what, TlsHandshakeException tls, Throwable thrown) {
        TlsHandshakeException.Reason r = tls.reason();
        String message = what + " with " + peer + " failed (TLS: " + describe(r) + "): " + tls.getMessage()
                + hint(r);
        // only a handshake that got no answer may work later; certificates, versions and suites need a change
        return new DicomFindTlsException(message, peer, r, r == TlsHandshakeException.Reason.TIMEOUT, thrown);
    }

    /** The reason in words, as in messages and {@link #getReasonText()}. */
    static String describe(TlsHandshakeException.Reason r) {
        return switch (r) {
            case UNTRUSTED_PEER_CERTIFICATE -> "untrusted peer certificate";
            case EXPIRED_PEER_CERTIFICATE -> "expired or not yet valid peer certificate";
            case REVOKED_PEER_CERTIFICATE -> "revoked peer certificate";
            case REVOCATION_UNKNOWN -> "revocation status of the peer certificate unknown";
            case NO_PEER_CERTIFICATE -> "the peer sent no certificate";
            case HOST_NAME_MISMATCH -> "peer certificate not issued for this host";
            case OWN_CERTIFICATE_REJECTED -> "our certificate refused by the peer";
            case CLIENT_CERTIFICATE_REQUIRED -> "client certificate required";
            case NO_COMMON_PROTOCOL -> "no common TLS version";
            case NO_COMMON_CIPHER_SUITE -> "no common cipher suite";
            case SNI_MISMATCH -> "server name (SNI) not recognized";
            case NOT_TLS -> "the peer does not speak TLS";
            case TIMEOUT -> "no handshake answer in time";
            case OTHER -> "handshake failure";
        };
    }

    /** What to change, in the component's option names. */
    private static String hint(TlsHandshakeException.Reason r) {
        return switch (r) {
            case UNTRUSTED_PEER_CERTIFICATE -> ". Add the certificate of the peer's CA to the trustManagers of"
                    + " sslContextParameters";
            case EXPIRED_PEER_CERTIFICATE, REVOKED_PEER_CERTIFICATE -> ". The peer needs a valid certificate";
            case CLIENT_CERTIFICATE_REQUIRED -> ". Give sslContextParameters keyManagers holding our key and a"
                    + " certificate the peer trusts";
            case OWN_CERTIFICATE_REJECTED -> ". The peer must trust the certificate in the keyManagers of"
                    + " sslContextParameters (its issuer, validity, revocation)";
            case NO_COMMON_PROTOCOL, NO_COMMON_CIPHER_SUITE -> ". See tlsProfile (BCP195_RFC8996 by default)";
            case NOT_TLS -> ". Is this the peer's TLS port?";
            case TIMEOUT -> ". The handshake is bounded by acseTimeout";
            default -> "";
        };
    }
}
