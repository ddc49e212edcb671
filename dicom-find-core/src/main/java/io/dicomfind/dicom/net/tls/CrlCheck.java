package io.dicomfind.dicom.net.tls;

/** Certificate revocation checking against CRLs (RFC 5280 6.3) — never OCSP, never fetched from the network. */
public enum CrlCheck {
    /** No revocation check (default). */
    NONE,
    /** {@code +crv} (implied by {@code +crl}): the peer's own certificate must not be revoked. */
    LEAF,
    /** {@code +cra}: no certificate of the peer's chain may be revoked; every issuer needs its CRL. */
    CHAIN
}
