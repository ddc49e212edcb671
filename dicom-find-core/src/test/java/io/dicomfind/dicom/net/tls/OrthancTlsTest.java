package io.dicomfind.dicom.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.FindQuery;
import io.dicomfind.dicom.net.FindResponse;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import io.dicomfind.peers.DcmDumpCanonicalizer;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.ResponseSet;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc 1.10 with DICOM TLS ({@code DicomTlsEnabled}, {@code DicomTlsCertificate}, {@code DicomTlsPrivateKey},
 * {@code DicomTlsTrustedCertificates}, {@code DicomTlsRemoteCertificateRequired true}) as the TLS peer: C-FIND with
 * mutual authentication, the same answers as DCMTK findscu {@code +tls} against the same Orthanc, and each failure.
 */
class OrthancTlsTest {
    static final TestPki PKI = TestPki.get();
    static OrthancPeer orthanc;
    static OrthancPeer expired;
    static OrthancPeer revoked;

    @TempDir
    static Path tmp;

    static String tlsConfig(String server) {
        return """
                "DicomTlsEnabled": true,
                  "DicomTlsCertificate": "%s",
                  "DicomTlsPrivateKey": "%s",
                  "DicomTlsTrustedCertificates": "%s",
                  "DicomTlsRemoteCertificateRequired": true""".formatted(PKI.file(server + ".crt"),
                PKI.file(server + ".key"), PKI.file("ca.crt"));
    }

    @BeforeAll
    static void startOrthancs() {
        orthanc = OrthancPeer.startEmpty(tlsConfig("server"));
        orthanc.load(PacsData.standardFiles());
        expired = OrthancPeer.startEmpty(tlsConfig("server-expired"));
        revoked = OrthancPeer.startEmpty(tlsConfig("server-revoked"));
    }

    @AfterAll
    static void stopOrthancs() {
        for (OrthancPeer p : new OrthancPeer[] {orthanc, expired, revoked}) {
            if (p != null) {
                p.close();
            }
        }
    }

    static TlsOptions.Builder client(String name) {
        return TlsOptions.builder().keyAndCertificate(PKI.file(name + ".key"), PKI.file(name + ".crt"))
                .addTrustedCertificateFile(PKI.file("ca.crt"));
    }

    static AssociationConfig config(OrthancPeer peer, DicomTls tls) {
        return AssociationConfig.builder(peer.host(), peer.port()).calledAeTitle(peer.calledAeTitle())
                .abstractSyntaxes(SopClasses.STUDY_ROOT_FIND).acseTimeout(Duration.ofSeconds(10))
                .dimseTimeout(Duration.ofSeconds(30)).socketFactory(tls.socketFactory()).build();
    }

    static Attributes studyKeys() {
        Attributes k = new Attributes();
        k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        k.setNull(Tag.StudyInstanceUID, VR.UI);
        k.setNull(Tag.PatientName, VR.PN);
        k.setNull(Tag.PatientID, VR.LO);
        k.setNull(Tag.StudyDate, VR.DA);
        k.setNull(Tag.AccessionNumber, VR.SH);
        return k;
    }

    static final List<String> FINDSCU_KEYS = List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
            "StudyInstanceUID", "-k", "PatientName", "-k", "PatientID", "-k", "StudyDate", "-k", "AccessionNumber");

    /** Runs our C-FIND and writes each answer as rspNNNN.dcm, as findscu -X does, for the canonical comparison. */
    static ResponseSet ours(OrthancPeer peer, DicomTls tls, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        try (Association as = Association.open(config(peer, tls));
                FindQuery q = as.find(SopClasses.STUDY_ROOT_FIND, studyKeys())) {
            for (FindResponse r; (r = q.nextResponse()) != null;) {
                if (r.isPending()) {
                    Path f = dir.resolve(String.format("rsp%04d.dcm", files.size() + 1));
                    try (OutputStream out = Files.newOutputStream(f)) {
                        Part10.write(out, r.identifier(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                                SopClasses.STUDY_ROOT_FIND, "1.2.3." + (files.size() + 1),
                                UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, "FINDSCU",
                                EncodeOptions.DEFAULT);
                    }
                    files.add(f);
                } else {
                    assertTrue(r.status().isSuccess(), r.toString());
                }
            }
            as.release();
        }
        return DcmDumpCanonicalizer.responseSet(files);
    }

    @Test
    void mutualTlsFindGivesTheSameAnswersAsDcmtkFindscuTls() throws Exception {
        AtomicReference<SSLSession> session = new AtomicReference<>();
        DicomTls tls = DicomTls.create(client("client").build()).addHandshakeListener(session::set);
        ResponseSet actual = ours(orthanc, tls, tmp.resolve("ours"));
        assertTrue(session.get().getLocalCertificates() != null, "mutual authentication: our certificate was sent");

        List<String> args = new ArrayList<>(FINDSCU_KEYS);
        args.addAll(List.of("+tls", PKI.file("client.key").toString(), PKI.file("client.crt").toString(),
                "+cf", PKI.file("ca.crt").toString()));
        FindScuResult expected = DcmtkFindScu.run(orthanc, args, List.of(), tmp.resolve("dcmtk"));
        assertTrue(expected.isSuccess(), expected::describe);
        assertEquals(PacsData.standard().studies().size(), expected.responses().size(), expected::describe);
        expected.responses().assertSameAs(actual, "Orthanc over TLS (expected DCMTK findscu +tls, actual ours)");
    }

    @Test
    void encryptedKeysWithPasswordAgreeWithFindscuPw() throws Exception {
        DicomTls tls = DicomTls.create(client("client").keyAndCertificate(PKI.file("client-pkcs8-enc.key"),
                PKI.file("client.crt")).password(PasswordSource.of(TestPki.PASSWORD)).build());
        ResponseSet actual = ours(orthanc, tls, tmp.resolve("ours-pw"));
        List<String> args = new ArrayList<>(FINDSCU_KEYS);
        args.addAll(List.of("+tls", PKI.file("client-pkcs8-enc.key").toString(), PKI.file("client.crt").toString(),
                "+pw", TestPki.PASSWORD, "+cf", PKI.file("ca.crt").toString()));
        FindScuResult expected = DcmtkFindScu.run(orthanc, args, List.of(), tmp.resolve("dcmtk-pw"));
        assertTrue(expected.isSuccess(), expected::describe);
        expected.responses().assertSameAs(actual, "encrypted key (expected DCMTK findscu +pw, actual ours)");
    }

    @Test
    void extendedProfileTls12AgainstOrthanc() throws Exception {
        AtomicReference<SSLSession> session = new AtomicReference<>();
        DicomTls tls = DicomTls.create(client("client").profile(TlsProfile.BCP195_EXTENDED).build())
                .addHandshakeListener(session::set);
        assertEquals(PacsData.standard().studies().size(), ours(orthanc, tls, tmp.resolve("pz")).size());
        assertEquals("TLSv1.2", session.get().getProtocol());
    }

    @Test
    void orthancRequiresOurCertificate() throws Exception {
        DicomTls tls = DicomTls.create(TlsOptions.builder().anonymous()
                .addTrustedCertificateFile(PKI.file("ca.crt")).build());
        TlsHandshakeException e = assertThrows(TlsHandshakeException.class,
                () -> Association.open(config(orthanc, tls)).close());
        assertEquals(Reason.CLIENT_CERTIFICATE_REQUIRED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
        // findscu +tla fails the same way
        List<String> args = new ArrayList<>(FINDSCU_KEYS);
        args.addAll(List.of("+tla", "+cf", PKI.file("ca.crt").toString()));
        FindScuResult dcmtk = DcmtkFindScu.run(orthanc, args, List.of(), tmp.resolve("dcmtk-tla"));
        assertEquals(0, dcmtk.responses().size(), dcmtk::describe);
        assertTrue(dcmtk.exitCode() != 0, dcmtk::describe);
    }

    @Test
    void orthancRefusesAnExpiredOrForeignClientCertificate() throws Exception {
        for (String c : List.of("client-expired", "client-other")) {
            DicomTls tls = DicomTls.create(client(c).build());
            TlsHandshakeException e = assertThrows(TlsHandshakeException.class,
                    () -> Association.open(config(orthanc, tls)).close());
            assertEquals(Reason.OWN_CERTIFICATE_REJECTED, e.reason(), e.getMessage());
        }
    }

    @Test
    void untrustedOrthancCertificate() throws Exception {
        DicomTls tls = DicomTls.create(TlsOptions.builder().keyAndCertificate(PKI.file("client.key"),
                PKI.file("client.crt")).addTrustedCertificateFile(PKI.file("other-ca.crt")).build());
        TlsHandshakeException e = assertThrows(TlsHandshakeException.class,
                () -> Association.open(config(orthanc, tls)).close());
        assertEquals(Reason.UNTRUSTED_PEER_CERTIFICATE, e.reason());
        assertTrue(e.getMessage().contains("is not trusted: its issuer 'CN=Test CA,O=dicomfind tests'"),
                e.getMessage());
    }

    @Test
    void expiredOrthancCertificate() throws Exception {
        TlsHandshakeException e = assertThrows(TlsHandshakeException.class,
                () -> Association.open(config(expired, DicomTls.create(client("client").build()))).close());
        assertEquals(Reason.EXPIRED_PEER_CERTIFICATE, e.reason());
        assertTrue(e.getMessage().contains("'CN=expired server' expired on 2021-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void revokedOrthancCertificateWithTheCrl() throws Exception {
        TlsHandshakeException e = assertThrows(TlsHandshakeException.class, () -> Association.open(config(revoked,
                DicomTls.create(client("client").addCrlFile(PKI.file("ca.crl")).build()))).close());
        assertEquals(Reason.REVOKED_PEER_CERTIFICATE, e.reason());
        assertTrue(e.getMessage().contains("'CN=revoked server'") && e.getMessage().contains("is revoked"),
                e.getMessage());
        // findscu +crl refuses it too
        List<String> args = new ArrayList<>(FINDSCU_KEYS);
        args.addAll(List.of("+tls", PKI.file("client.key").toString(), PKI.file("client.crt").toString(),
                "+cf", PKI.file("ca.crt").toString(), "+crl", PKI.file("ca.crl").toString()));
        FindScuResult dcmtk = DcmtkFindScu.run(revoked, args, List.of(), tmp.resolve("dcmtk-crl"));
        assertTrue(dcmtk.exitCode() != 0 && dcmtk.stderr().contains("certificate verify failed"), dcmtk::describe);
    }
}
