package io.dicomfind.dicom.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * Our SCU against our embedded SCP, both over DICOM TLS: mutual authentication, the profiles' protocols, and every
 * handshake failure named in words (each case is a real handshake on loopback).
 */
class EmbeddedScpTlsTest {
    static final TestPki PKI = TestPki.get();

    static TlsOptions.Builder own(String name) {
        return TlsOptions.builder().keyAndCertificate(PKI.file(name + ".key"), PKI.file(name + ".crt"))
                .addTrustedCertificateFile(PKI.file("ca.crt"));
    }

    static EmbeddedFindScp scp(TlsOptions tls) throws Exception {
        return EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(List.of(item(1), item(2), item(3)))
                .tls(DicomTls.create(tls)).start();
    }

    static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "TLS^PATIENT" + i);
        a.setString(Tag.PatientID, VR.LO, "TLS" + i);
        a.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "CT");
        return a;
    }

    static AssociationConfig config(EmbeddedFindScp scp, DicomTls tls) {
        return AssociationConfig.builder("127.0.0.1", scp.port()).calledAeTitle(scp.aeTitle())
                .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND, SopClasses.VERIFICATION)
                .acseTimeout(Duration.ofSeconds(10)).dimseTimeout(Duration.ofSeconds(10))
                .socketFactory(tls.socketFactory()).build();
    }

    static List<String> patientIds(Association as) throws Exception {
        Attributes keys = new Attributes();
        keys.setNull(Tag.PatientID, VR.LO);
        List<String> ids = new ArrayList<>();
        try (FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys)) {
            for (FindResponse r; (r = q.nextResponse()) != null;) {
                if (r.isPending()) {
                    ids.add(r.identifier().getString(Tag.PatientID));
                } else {
                    assertTrue(r.status().isSuccess(), r.toString());
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    static TlsHandshakeException refused(EmbeddedFindScp scp, TlsOptions client) throws Exception {
        DicomTls tls = DicomTls.create(client);
        return assertThrows(TlsHandshakeException.class, () -> Association.open(config(scp, tls)).close());
    }

    @Test
    void mutualAuthenticationFindAndEchoOverTls13() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            AtomicReference<SSLSession> session = new AtomicReference<>();
            DicomTls tls = DicomTls.create(own("client").build()).addHandshakeListener(session::set);
            try (Association as = Association.open(config(scp, tls))) {
                assertEquals(List.of("TLS1", "TLS2", "TLS3"), patientIds(as));
                assertEquals(DimseStatus.Category.SUCCESS, as.echo().category());
                as.release();
            }
            assertEquals("TLSv1.3", session.get().getProtocol());
            assertTrue(session.get().getLocalCertificates() != null, "our client certificate was sent");
            assertTrue(((java.security.cert.X509Certificate) session.get().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName().contains("localhost"));
        }
    }

    /**
     * Over TLS the socket reports no bytes available until a record is decrypted, so the SCP must read while it
     * streams to see the C-CANCEL: the query stops long before its 100 matches, with status Cancel, and the
     * association stays usable.
     */
    @Test
    void cancelStopsTheStreamOverTls() throws Exception {
        List<Attributes> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(item(i));
        }
        try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(hundred)
                .responseDelay(Duration.ofMillis(20)).tls(DicomTls.create(own("server").build())).start();
                Association as = Association.open(config(scp, DicomTls.create(own("client").build())))) {
            Attributes keys = new Attributes();
            keys.setNull(Tag.PatientID, VR.LO);
            List<FindResponse> rs = new ArrayList<>();
            try (FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys)) {
                assertTrue(q.nextResponse().isPending());
                q.cancel();
                for (FindResponse r; (r = q.nextResponse()) != null;) {
                    rs.add(r);
                }
            }
            FindResponse last = rs.get(rs.size() - 1);
            assertEquals(DimseStatus.CANCEL, last.status().code(), last.toString());
            assertTrue(rs.size() <= 10, rs.size() + " responses after the cancel");
            assertEquals(1, scp.counters().cancels());
            assertEquals(DimseStatus.Category.SUCCESS, as.echo().category(), "the association is still usable");
            as.release();
        }
    }

    /** Closing the SCP while a TLS association streams ends its reader thread too: nothing is left running. */
    @Test
    void closeWhileStreamingOverTlsLeavesNoThread() throws Exception {
        List<Attributes> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(item(i));
        }
        EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(many)
                .responseDelay(Duration.ofMillis(20)).tls(DicomTls.create(own("server").build())).start();
        String prefix = "find-scp-TLSSCP-" + scp.port() + "-";
        try (Association as = Association.open(config(scp, DicomTls.create(own("client").build())))) {
            Attributes keys = new Attributes();
            keys.setNull(Tag.PatientID, VR.LO);
            FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys);
            assertTrue(q.nextResponse().isPending());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith(prefix) && t.getName().endsWith("-reader")));
            scp.close();
            assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).toList());
        } catch (java.io.IOException expected) {
            // the client may notice the dropped connection while closing
        }
    }

    @Test
    void extendedProfileNegotiatesTls12WithOneOfItsSuitesAndEcKeysWork() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            AtomicReference<SSLSession> session = new AtomicReference<>();
            DicomTls tls = DicomTls.create(TlsOptions.builder().keyAndCertificate(PKI.file("client-ec.key"),
                    PKI.file("client-ec.crt")).addTrustedCertificateFile(PKI.file("ca.crt"))
                    .profile(TlsProfile.BCP195_EXTENDED).build()).addHandshakeListener(session::set);
            try (Association as = Association.open(config(scp, tls))) {
                assertEquals(3, patientIds(as).size());
            }
            assertEquals("TLSv1.2", session.get().getProtocol());
            assertTrue(TlsProfile.BCP195_EXTENDED.requiredSuites().contains(session.get().getCipherSuite()),
                    session.get().getCipherSuite());
        }
    }

    @Test
    void untrustedServerCertificate() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server-other").build())) {
            TlsHandshakeException e = refused(scp, own("client").build());
            assertEquals(Reason.UNTRUSTED_PEER_CERTIFICATE, e.reason());
            assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + scp.port() + " failed: the "
                    + "server certificate 'CN=localhost' is not trusted: its issuer 'CN=Other CA,O=dicomfind tests' "
                    + "is not among the trusted certificates (+cf/+cd)"), e.getMessage());
            // -ic accepts it (and logs a warning)
            DicomTls ignore = DicomTls.create(own("client").peerAuthentication(PeerAuthentication.IGNORE).build());
            try (Association as = Association.open(config(scp, ignore))) {
                assertEquals(3, patientIds(as).size());
            }
        }
    }

    @Test
    void expiredServerCertificate() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server-expired").peerAuthentication(PeerAuthentication.IGNORE)
                .build())) {
            TlsHandshakeException e = refused(scp, own("client").build());
            assertEquals(Reason.EXPIRED_PEER_CERTIFICATE, e.reason());
            assertTrue(e.getMessage().contains("the server certificate 'CN=expired server' expired on "
                    + "2021-01-01T00:00:00Z"), e.getMessage());
        }
    }

    @Test
    void revokedServerCertificateWithCrlAndOnlyWithCrl() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server-revoked").build())) {
            TlsHandshakeException e = refused(scp, own("client").addCrlFile(PKI.file("ca.crl")).build());
            assertEquals(Reason.REVOKED_PEER_CERTIFICATE, e.reason());
            assertTrue(e.getMessage().contains("the server certificate 'CN=revoked server' (serial ")
                    && e.getMessage().contains("is revoked"), e.getMessage());
            // +cra over +cd (CA certificate and CRL found in one directory) says the same
            TlsHandshakeException chain = refused(scp, TlsOptions.builder().keyAndCertificate(PKI.file("client.key"),
                    PKI.file("client.crt")).addTrustedCertificateDirectory(PKI.file("trusted"))
                    .crlCheck(CrlCheck.CHAIN).build());
            assertEquals(Reason.REVOKED_PEER_CERTIFICATE, chain.reason());
            // without a CRL check the revocation is not known
            try (Association as = Association.open(config(scp, DicomTls.create(own("client").build())))) {
                assertEquals(3, patientIds(as).size());
            }
        }
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            try (Association as = Association.open(config(scp, DicomTls.create(own("client")
                    .addCrlFile(PKI.file("ca.crl")).crlCheck(CrlCheck.CHAIN).build())))) {
                assertEquals(3, patientIds(as).size(), "a certificate the CRL does not list passes");
            }
            TlsHandshakeException unknown = refused(scp, own("client").addCrlFile(PKI.file("other-ca.crl"))
                    .build());
            assertEquals(Reason.REVOCATION_UNKNOWN, unknown.reason());
            assertTrue(unknown.getMessage().contains("no valid CRL of its issuer 'CN=Test CA,O=dicomfind tests'"),
                    unknown.getMessage());
        }
    }

    @Test
    void serverRequiresAClientCertificate() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            TlsHandshakeException e = refused(scp, TlsOptions.builder().anonymous()
                    .addTrustedCertificateFile(PKI.file("ca.crt")).build());
            assertEquals(Reason.CLIENT_CERTIFICATE_REQUIRED, e.reason());
            assertTrue(e.getMessage().contains("the peer requires a client certificate"), e.getMessage());
            TlsHandshakeException tls12 = refused(scp, TlsOptions.builder().anonymous()
                    .addTrustedCertificateFile(PKI.file("ca.crt")).profile(TlsProfile.BCP195_EXTENDED).build());
            assertEquals(Reason.CLIENT_CERTIFICATE_REQUIRED, tls12.reason(), tls12.getMessage());
        }
        try (EmbeddedFindScp optional = scp(own("server").peerAuthentication(PeerAuthentication.VERIFY_IF_PRESENT)
                .build())) {
            try (Association as = Association.open(config(optional, DicomTls.create(TlsOptions.builder()
                    .anonymous().addTrustedCertificateFile(PKI.file("ca.crt")).build())))) {
                assertEquals(3, patientIds(as).size(), "+tla is fine where a certificate is optional");
            }
        }
    }

    @Test
    void serverRefusesOurExpiredOrForeignCertificate() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            TlsHandshakeException expired = refused(scp, own("client-expired").build());
            assertEquals(Reason.OWN_CERTIFICATE_REJECTED, expired.reason(), expired.getMessage());
            TlsHandshakeException foreign = refused(scp, own("client-other").build());
            assertEquals(Reason.OWN_CERTIFICATE_REJECTED, foreign.reason(), foreign.getMessage());
        }
    }

    @Test
    void noCommonCipherSuite() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").profile(TlsProfile.AES).build())) {
            TlsHandshakeException e = refused(scp, own("client").build());
            assertEquals(Reason.NO_COMMON_CIPHER_SUITE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("we offer TLSv1.3, TLSv1.2 with 7 cipher suite(s)"), e.getMessage());
        }
    }

    @Test
    void serverNameIndication() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").expectServerName("pacs.example.org").build())) {
            TlsHandshakeException e = refused(scp, own("client").requestServerName("other.example.org").build());
            assertEquals(Reason.SNI_MISMATCH, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("--request-sni"), e.getMessage());
            try (Association as = Association.open(config(scp, DicomTls.create(own("client")
                    .requestServerName("pacs.example.org").build())))) {
                assertEquals(3, patientIds(as).size());
            }
        }
    }

    @Test
    void hostNameVerificationIsOptionalAndChecksSubjectAltNames() throws Exception {
        try (EmbeddedFindScp scp = scp(own("server").build())) {
            try (Association as = Association.open(config(scp, DicomTls.create(own("client").verifyHostname(true)
                    .build())))) {
                assertEquals(3, patientIds(as).size(), "127.0.0.1 is in the certificate's subjectAltName");
            }
        }
    }

    @Test
    void aPlainDicomPortIsNotTls() throws Exception {
        try (EmbeddedFindScp plain = EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(List.of(item(1)))
                .start()) {
            TlsHandshakeException e = refused(plain, own("client").build());
            assertEquals(Reason.NOT_TLS, e.reason(), e.getMessage());
        }
    }
}
