package io.dicomfind.dicom.net.tls;

/** What is required of the peer's certificate ({@code -rc}, {@code -ic}; for a server also "verify if present"). */
public enum PeerAuthentication {
    /**
     * {@code -rc} (default): the peer must present a certificate that chains to a trusted certificate ({@code +cf},
     * {@code +cd}), is within its validity period and, if asked, not revoked. A server requires a client certificate.
     */
    REQUIRE,
    /** Server side only: a client certificate is asked for and verified if sent, but a client may send none. */
    VERIFY_IF_PRESENT,
    /**
     * {@code -ic}: the peer's certificate is not verified at all — anyone, an impostor included, is accepted. The
     * connection is encrypted but not authenticated; logged as a warning whenever used.
     */
    IGNORE
}
