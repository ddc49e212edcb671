package io.dicomfind.dicom.net.tls;

import java.io.IOException;

/**
 * The TLS configuration cannot be used: an unreadable or malformed key, certificate or CRL file, a wrong key
 * password, a key that does not belong to its certificate, or a profile or cipher suite this JVM cannot provide.
 * Raised before any connection is made; the message names the option and the file.
 */
public class TlsSetupException extends IOException {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
