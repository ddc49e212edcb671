package io.dicomfind.dicom.net.tls;

import java.security.cert.CertificateException;

/** Thrown by our trust manager: carries the {@link TlsHandshakeException.Reason} through JSSE's wrapping. */
final class PeerCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final TlsHandshakeException.Reason reason;

    PeerCertificateException(TlsHandshakeException.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    TlsHandshakeException.Reason reason() {
        return reason;
    }
}
