package io.dicomfind.dicom.net.tls;

import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a peer's certificate chain against the trusted certificates of {@code +cf}/{@code +cd} with the JDK's
 * PKIX validator (RFC 5280 6), optionally with CRLs ({@code +crv}: the peer's certificate, {@code +cra}: the whole
 * chain; CRLs only from files, never fetched, no OCSP), and says in words what failed. With
 * {@link PeerAuthentication#IGNORE} ({@code -ic}) it accepts anything and logs a warning for every peer.
 *
 * <p>Only the trusted certificates given are used: not the JVM's {@code cacerts}, as DCMTK uses only {@code +cf}/
 * {@code +cd}.
 */
final class PeerVerifier extends X509ExtendedTrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(PeerVerifier.class);

    private final List<X509Certificate> trusted;
    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;
    private final CrlCheck crlCheck;
    private final PeerAuthentication authentication;
    private final boolean verifyHostname;

    PeerVerifier(List<X509Certificate> trusted, List<X509CRL> crls, CrlCheck crlCheck,
            PeerAuthentication authentication, boolean verifyHostname) {
        this.trusted = List.copyOf(trusted);
        Set<TrustAnchor> a = new LinkedHashSet<>();
        for (X509Certificate c : trusted) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = a;
        this.crls = List.copyOf(crls);
        this.crlCheck = crlCheck;
        this.authentication = authentication;
        this.verifyHostname = verifyHostname;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, "server");
        if (verifyHostname && socket instanceof SSLSocket s && s.getHandshakeSession() != null) {
            checkHostName(chain[0], s.getHandshakeSession());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, "server");
        if (verifyHostname && engine != null && engine.getHandshakeSession() != null) {
            checkHostName(chain[0], engine.getHandshakeSession());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, "client");
    }

    /** The CAs a server names in its CertificateRequest (RFC 5246 7.4.4). */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authentication == PeerAuthentication.IGNORE ? new X509Certificate[0]
                : trusted.toArray(new X509Certificate[0]);
    }

    void verify(X509Certificate[] chain, String role) throws PeerCertificateException {
        if (chain == null || chain.length == 0) {
            throw new PeerCertificateException(Reason.NO_PEER_CERTIFICATE, "the " + role + " sent no certificate",
                    null);
        }
        X509Certificate leaf = chain[0];
        String subject = leaf.getSubjectX500Principal().getName();
        if (authentication == PeerAuthentication.IGNORE) {
            LOG.warn("TLS peer certificate NOT verified (-ic): accepting {} certificate '{}' issued by '{}' without "
                    + "checking trust, validity or revocation", role, subject,
                    leaf.getIssuerX500Principal().getName());
            return;
        }
        if (anchors.isEmpty()) {
            throw new PeerCertificateException(Reason.UNTRUSTED_PEER_CERTIFICATE, "the " + role + " certificate '"
                    + subject + "' cannot be verified: no trusted certificates were given (+cf/+cd)", null);
        }
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!trusted.contains(c)) {
                path.add(c); // the peer may send its root as well; the path ends below the anchor
            } else {
                break;
            }
        }
        if (path.isEmpty()) {
            checkDates(leaf, role); // the peer's certificate itself is trusted (e.g. self-signed, +cf)
            return;
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPath certPath = cf.generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters params = new PKIXParameters(anchors);
            if (crlCheck == CrlCheck.NONE) {
                params.setRevocationEnabled(false);
            } else {
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker rc = (PKIXRevocationChecker) validator.getRevocationChecker();
                EnumSet<PKIXRevocationChecker.Option> opts = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK);
                if (crlCheck == CrlCheck.LEAF) {
                    opts.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
                }
                rc.setOptions(opts);
                params.setRevocationEnabled(true);
                params.addCertPathChecker(rc);
            }
            validator.validate(certPath, params);
            LOG.debug("TLS {} certificate '{}' verified against {} trusted certificate(s){}", role, subject,
                    anchors.size(), crlCheck == CrlCheck.NONE ? "" : ", CRL check " + crlCheck);
        } catch (CertPathValidatorException e) {
            throw describe(e, path, role);
        } catch (GeneralSecurityException e) {
            throw new PeerCertificateException(Reason.UNTRUSTED_PEER_CERTIFICATE, "the " + role + " certificate '"
                    + subject + "' cannot be verified: " + e.getMessage(), e);
        }
    }

    private static void checkDates(X509Certificate c, String role) throws PeerCertificateException {
        try {
            c.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new PeerCertificateException(Reason.EXPIRED_PEER_CERTIFICATE, "the " + role + " certificate '"
                    + c.getSubjectX500Principal().getName() + "' expired on " + c.getNotAfter().toInstant(), e);
        } catch (CertificateNotYetValidException e) {
            throw new PeerCertificateException(Reason.EXPIRED_PEER_CERTIFICATE, "the " + role + " certificate '"
                    + c.getSubjectX500Principal().getName() + "' is not valid before "
                    + c.getNotBefore().toInstant(), e);
        }
    }

    private static PeerCertificateException describe(CertPathValidatorException e, List<X509Certificate> path,
            String role) {
        int i = e.getIndex();
        X509Certificate which = i >= 0 && i < path.size() ? path.get(i) : path.get(0);
        String cert = (i > 0 ? "certificate '" + which.getSubjectX500Principal().getName() + "' in the " + role
                + "'s chain" : "the " + role + " certificate '" + which.getSubjectX500Principal().getName() + "'");
        if (e.getReason() == BasicReason.EXPIRED) {
            return new PeerCertificateException(Reason.EXPIRED_PEER_CERTIFICATE, cert + " expired on "
                    + which.getNotAfter().toInstant(), e);
        }
        if (e.getReason() == BasicReason.NOT_YET_VALID) {
            return new PeerCertificateException(Reason.EXPIRED_PEER_CERTIFICATE, cert + " is not valid before "
                    + which.getNotBefore().toInstant(), e);
        }
        if (e.getReason() == BasicReason.REVOKED) {
            return new PeerCertificateException(Reason.REVOKED_PEER_CERTIFICATE, cert + " (serial "
                    + which.getSerialNumber().toString(16) + ") is revoked: " + e.getMessage(), e);
        }
        if (e.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new PeerCertificateException(Reason.REVOCATION_UNKNOWN, "cannot check whether " + cert
                    + " is revoked: no valid CRL of its issuer '" + which.getIssuerX500Principal().getName()
                    + "' was given (+crl, or a CRL file in +cd)", e);
        }
        if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
            return new PeerCertificateException(Reason.UNTRUSTED_PEER_CERTIFICATE, cert + " is not trusted: its "
                    + "issuer '" + path.get(path.size() - 1).getIssuerX500Principal().getName() + "' is not among "
                    + "the trusted certificates (+cf/+cd)", e);
        }
        return new PeerCertificateException(Reason.UNTRUSTED_PEER_CERTIFICATE, cert + " is not valid: "
                + e.getMessage(), e);
    }

    /** RFC 6125 6.4: the host must match a subjectAltName DNS name (one leading wildcard label) or IP address. */
    private static void checkHostName(X509Certificate cert, SSLSession session) throws PeerCertificateException {
        String host = session.getPeerHost();
        if (host == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String value = String.valueOf(san.get(1));
                    if (type == 2 || type == 7) {
                        names.add(value);
                        if (type == 7 ? sameAddress(value, host) : dnsMatches(value, host)) {
                            return;
                        }
                    }
                }
            }
        } catch (CertificateException e) {
            // unparseable extension: no match
        }
        throw new PeerCertificateException(Reason.HOST_NAME_MISMATCH, "the server certificate '"
                + cert.getSubjectX500Principal().getName() + "' is not for host '" + host + "' (its names: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")", null);
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b))
                    && b.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':');
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
