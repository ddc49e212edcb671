package io.dicomfind.dicom.net.tls;

/** How key and certificate files are encoded ({@code -pem}, {@code -der}). */
public enum KeyFileFormat {
    /** {@code -pem} (default): RFC 7468 text, e.g. {@code -----BEGIN PRIVATE KEY-----}. */
    PEM,
    /** {@code -der}: the binary ASN.1 DER of one key or one certificate. */
    DER
}
