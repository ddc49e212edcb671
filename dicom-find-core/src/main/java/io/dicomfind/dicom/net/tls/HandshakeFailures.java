package io.dicomfind.dicom.net.tls;

import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what JSSE throws during a handshake (its own checks, our {@link PeerVerifier}'s verdict, or the peer's
 * fatal alert, RFC 8446 6.2 / RFC 5246 7.2.2) into a {@link TlsHandshakeException} that says in words what went
 * wrong and what to look at.
 */
final class HandshakeFailures {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private HandshakeFailures() {
    }

    /**
     * @param e         what JSSE threw
     * @param peer      "host:port"
     * @param offer     what we offered (protocols and suites), for the "nothing in common" messages
     * @param requestedButNotSent whether the server asked for a client certificate and we sent none
     */
    static TlsHandshakeException map(IOException e, String peer, String offer, boolean requestedButNotSent) {
        if (e instanceof TlsHandshakeException t) {
            return t;
        }
        String where = "TLS handshake with " + peer + " failed: ";
        PeerCertificateException pce = find(e, PeerCertificateException.class);
        if (pce != null) {
            return new TlsHandshakeException(pce.reason(), where + pce.getMessage(), e);
        }
        TlsHandshakeException jdk = fromJdkTrustManager(e, where);
        if (jdk != null) {
            return jdk;
        }
        if (e instanceof SocketTimeoutException) {
            return new TlsHandshakeException(Reason.TIMEOUT, where + "no answer within the handshake timeout (is "
                    + "the peer listening for TLS on this port?)", e);
        }
        String msg = String.valueOf(e.getMessage());
        String jsse = " [" + msg + "]";
        Matcher m = ALERT.matcher(msg);
        if (m.find()) {
            return fromAlert(m.group(1), where, jsse, offer, requestedButNotSent, e);
        }
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("no appropriate protocol") || lower.contains("no cipher suites in common")
                || lower.contains("no available authentication scheme")) {
            return new TlsHandshakeException(Reason.NO_COMMON_CIPHER_SUITE, where + "no cipher suite both sides "
                    + "allow (we offer " + offer + ")" + jsse, e);
        }
        if (lower.contains("protocol") && (lower.contains("not enabled") || lower.contains("not accepted")
                || lower.contains("not supported"))) {
            return new TlsHandshakeException(Reason.NO_COMMON_PROTOCOL, where + "no TLS version both sides allow "
                    + "(we offer " + offer + ")" + jsse, e);
        }
        if (lower.contains("unrecognized server name")) {
            return new TlsHandshakeException(Reason.SNI_MISMATCH, where + "the client asked (SNI) for a server "
                    + "name this server does not answer to" + jsse, e);
        }
        if (lower.contains("empty client certificate chain") || lower.contains("empty server certificate chain")) {
            return new TlsHandshakeException(Reason.NO_PEER_CERTIFICATE, where + "the peer sent no certificate, "
                    + "but one is required" + jsse, e);
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return new TlsHandshakeException(Reason.NOT_TLS, where + "the peer does not speak TLS on this port (a "
                    + "plain DICOM port?)" + jsse, e);
        }
        if (lower.contains("remote host terminated the handshake") || e instanceof EOFException
                || find(e, EOFException.class) != null || e instanceof SocketException
                || lower.contains("connection reset")) {
            return new TlsHandshakeException(Reason.NOT_TLS, where + "the peer closed the connection during the "
                    + "handshake without a TLS alert (it may not speak TLS on this port, or refused our offer: "
                    + offer + ")" + jsse, e);
        }
        return new TlsHandshakeException(Reason.OTHER, where + msg, e);
    }

    private static TlsHandshakeException fromAlert(String alert, String where, String jsse, String offer,
            boolean requestedButNotSent, IOException e) {
        if (requestedButNotSent && (alert.equals("handshake_failure") || alert.equals("bad_certificate")
                || alert.equals("certificate_required") || alert.equals("certificate_unknown")
                || alert.equals("access_denied"))) {
            return new TlsHandshakeException(Reason.CLIENT_CERTIFICATE_REQUIRED, where + "the peer requires a "
                    + "client certificate and we have none to send (+tla, or our key type is not one it accepts); "
                    + "use +tls key cert" + jsse, e);
        }
        return switch (alert) {
            case "certificate_required" -> new TlsHandshakeException(Reason.CLIENT_CERTIFICATE_REQUIRED, where
                    + "the peer requires a client certificate (use +tls key cert)" + jsse, e);
            case "protocol_version" -> new TlsHandshakeException(Reason.NO_COMMON_PROTOCOL, where + "no TLS "
                    + "version both sides allow (we offer " + offer + "; a peer limited to TLS 1.0/1.1 is refused on "
                    + "purpose, RFC 8996)" + jsse, e);
            case "handshake_failure", "insufficient_security" -> new TlsHandshakeException(
                    Reason.NO_COMMON_CIPHER_SUITE, where + "the peer accepts none of our cipher suites or "
                    + "parameters (we offer " + offer + ")" + jsse, e);
            case "unrecognized_name" -> new TlsHandshakeException(Reason.SNI_MISMATCH, where + "the server does "
                    + "not answer to the server name we requested with SNI (--request-sni)" + jsse, e);
            case "unknown_ca" -> new TlsHandshakeException(Reason.OWN_CERTIFICATE_REJECTED, where + "the peer does "
                    + "not trust the issuer of our certificate" + jsse, e);
            case "certificate_expired" -> new TlsHandshakeException(Reason.OWN_CERTIFICATE_REJECTED, where
                    + "the peer says our certificate has expired" + jsse, e);
            case "certificate_revoked" -> new TlsHandshakeException(Reason.OWN_CERTIFICATE_REJECTED, where
                    + "the peer says our certificate is revoked" + jsse, e);
            case "bad_certificate", "certificate_unknown", "unsupported_certificate", "access_denied" ->
                    new TlsHandshakeException(Reason.OWN_CERTIFICATE_REJECTED, where + "the peer refused our "
                    + "certificate (" + alert + ")" + jsse, e);
            default -> new TlsHandshakeException(Reason.OTHER, where + "the peer sent the fatal alert " + alert
                    + jsse, e);
        };
    }

    /**
     * A context made elsewhere ({@link DicomTls#of}) verifies peers with the JDK's PKIX trust manager, not with
     * {@link PeerVerifier}: its verdict arrives as a {@link CertPathValidatorException} with a reason (RFC 5280 6.1.3:
     * validity, revocation) or as a {@link CertPathBuilderException} when no path to a trust anchor exists.
     */
    private static TlsHandshakeException fromJdkTrustManager(IOException e, String where) {
        CertPathValidatorException v = find(e, CertPathValidatorException.class);
        if (v != null) {
            X509Certificate cert = null;
            if (v.getCertPath() != null && v.getIndex() >= 0 && v.getIndex() < v.getCertPath().getCertificates().size()
                    && v.getCertPath().getCertificates().get(v.getIndex()) instanceof X509Certificate x) {
                cert = x;
            }
            String which = cert == null ? "the peer's certificate chain" : (v.getIndex() > 0 ? "certificate '"
                    + cert.getSubjectX500Principal().getName() + "' in the peer's chain" : "the peer certificate '"
                    + cert.getSubjectX500Principal().getName() + "'");
            CertPathValidatorException.Reason r = v.getReason();
            if (r == BasicReason.EXPIRED) {
                return new TlsHandshakeException(Reason.EXPIRED_PEER_CERTIFICATE, where + which + " expired"
                        + (cert == null ? "" : " on " + cert.getNotAfter().toInstant()), e);
            }
            if (r == BasicReason.NOT_YET_VALID) {
                return new TlsHandshakeException(Reason.EXPIRED_PEER_CERTIFICATE, where + which + " is not yet valid"
                        + (cert == null ? "" : " (not before " + cert.getNotBefore().toInstant() + ")"), e);
            }
            if (r == BasicReason.REVOKED) {
                return new TlsHandshakeException(Reason.REVOKED_PEER_CERTIFICATE, where + which + " is revoked: "
                        + v.getMessage(), e);
            }
            if (r == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return new TlsHandshakeException(Reason.REVOCATION_UNKNOWN, where + "cannot check whether " + which
                        + " is revoked: " + v.getMessage(), e);
            }
            if (r == PKIXReason.NO_TRUST_ANCHOR) {
                return new TlsHandshakeException(Reason.UNTRUSTED_PEER_CERTIFICATE, where + which + " is not "
                        + "trusted: it does not chain to a certificate of the trust managers", e);
            }
            return new TlsHandshakeException(Reason.UNTRUSTED_PEER_CERTIFICATE, where + which + " is not valid: "
                    + v.getMessage(), e);
        }
        if (find(e, CertPathBuilderException.class) != null) {
            return new TlsHandshakeException(Reason.UNTRUSTED_PEER_CERTIFICATE, where + "the peer certificate is not "
                    + "trusted: no certification path from it to a certificate of the trust managers (RFC 5280 6)", e);
        }
        return null;
    }

    /** Whether an exception from a read or write of an established session is a TLS failure worth mapping. */
    static boolean isTlsFailure(IOException e) {
        return e instanceof SSLException;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            for (Throwable s : c.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }
}
