package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.tls.TestPki;
import io.dicomfind.peers.DcmDumpCanonicalizer;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.PacsData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findscu's TLS options against Orthanc with DICOM TLS and mutual authentication, with DCMTK findscu as oracle. */
class FindscuTlsTest {
    static final TestPki PKI = TestPki.get();
    static OrthancPeer orthanc;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        orthanc = OrthancPeer.startEmpty("""
                "DicomTlsEnabled": true, "DicomTlsCertificate": "%s", "DicomTlsPrivateKey": "%s",
                  "DicomTlsTrustedCertificates": "%s", "DicomTlsRemoteCertificateRequired": true"""
                .formatted(PKI.file("server.crt"), PKI.file("server.key"), PKI.file("ca.crt")));
        orthanc.load(PacsData.standardFiles());
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    static List<String> query(String... tls) {
        List<String> a = new ArrayList<>(List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID",
                "-k", "PatientName", "-k", "PatientID"));
        a.addAll(List.of(tls));
        return a;
    }

    static CommandLineParserTest.Run ours(Path dir, List<String> args) throws Exception {
        Files.createDirectories(dir);
        List<String> all = new ArrayList<>(List.of("-v", "-X", "-od", dir.toString()));
        all.addAll(args);
        all.addAll(orthanc.connectionArguments());
        return CommandLineParserTest.Run.of(all.toArray(String[]::new));
    }

    @Test
    void mutualTlsQueryGivesDcmtksAnswers() throws Exception {
        List<String> args = query("+tls", PKI.file("client-pkcs1-enc.key").toString(),
                PKI.file("client.crt").toString(), "+pw", TestPki.PASSWORD, "+cf", PKI.file("ca.crt").toString());
        FindScuResult dcmtk = DcmtkFindScu.run(orthanc, args, List.of(), tmp.resolve("dcmtk"));
        assertTrue(dcmtk.isSuccess(), dcmtk::describe);
        Path dir = tmp.resolve("ours");
        CommandLineParserTest.Run r = ours(dir, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("I: TLS connection established: TLSv1.3, TLS_"), r.err());
        assertEquals(PacsData.standard().studies().size(), dcmtk.responses().size());
        dcmtk.responses().assertSameAs(DcmDumpCanonicalizer.responseSet(DcmtkFindScu.responseFiles(dir)),
                "findscu +tls against Orthanc (expected DCMTK, actual ours)");
    }

    @Test
    void failuresExitLikeFindscuWithTheCauseInWords() throws Exception {
        CommandLineParserTest.Run anonymous = ours(tmp.resolve("tla"), query("+tla", "+cf",
                PKI.file("ca.crt").toString()));
        assertEquals(ExitCodes.ASSOCIATION, anonymous.code(), anonymous.err());
        assertTrue(anonymous.err().contains("requires a client certificate"), anonymous.err());

        CommandLineParserTest.Run untrusted = ours(tmp.resolve("untrusted"), query("+tls",
                PKI.file("client.key").toString(), PKI.file("client.crt").toString(), "+cf",
                PKI.file("other-ca.crt").toString()));
        assertEquals(ExitCodes.ASSOCIATION, untrusted.code(), untrusted.err());
        assertTrue(untrusted.err().contains("is not trusted"), untrusted.err());

        CommandLineParserTest.Run password = ours(tmp.resolve("pw"), query("+tls",
                PKI.file("client-pkcs8-enc.key").toString(), PKI.file("client.crt").toString(), "+pw", "wrong",
                "+cf", PKI.file("ca.crt").toString()));
        assertEquals(1, password.code(), password.err());
        assertTrue(password.err().contains("wrong password"), password.err());

        CommandLineParserTest.Run basic = ours(tmp.resolve("pb"), query("+tla", "+pb", "+cf",
                PKI.file("ca.crt").toString()));
        assertEquals(1, basic.code(), basic.err());
        assertTrue(basic.err().contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), basic.err());
    }

    @Test
    void listCiphers() {
        CommandLineParserTest.Run r = CommandLineParserTest.Run.of("+cc");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256  (ECDHE-RSA-AES128-GCM-SHA256)")
                && r.out().contains("  TLS_AES_128_GCM_SHA256\n"), r.out());
    }
}
