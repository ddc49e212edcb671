package io.dicomfind.dicom.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that speaks only TLS 1.0/1.1 is refused by default (RFC 8996; BCP 195). The peer is a JSSE server in a
 * child JVM whose own security properties allow the old versions; openssl s_client shows it really speaks TLS 1.1.
 */
class LegacyProtocolTest {
    static final TestPki PKI = TestPki.get();
    static Process server;
    static BufferedReader serverOut;
    static int port;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startLegacyServer() throws Exception {
        Path props = Files.writeString(tmp.resolve("legacy.security"), "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, "
                + "MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Djava.security.properties=" + props, "-cp",
                System.getProperty("java.class.path"), LegacyTlsServer.class.getName(), PKI.dir.toString())
                .redirectError(tmp.resolve("server.err").toFile()).start();
        serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = serverOut.readLine();
        assertTrue(first != null && first.startsWith("LISTENING "), "legacy server did not start: " + first + " "
                + Files.readString(tmp.resolve("server.err")));
        port = Integer.parseInt(first.substring("LISTENING ".length()));
    }

    @AfterAll
    static void stopLegacyServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theServerReallySpeaksTls11() throws Exception {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_1",
                "-cipher", "DEFAULT:@SECLEVEL=0").redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(out.contains("Protocol  : TLSv1.1") || out.contains("New, TLSv1.1"), out);
        assertEquals("HANDSHAKE TLSv1.1", serverOut.readLine());
    }

    @Test
    void ourDefaultRefusesIt() throws Exception {
        TlsHandshakeException e = refused(TlsProfile.BCP195_RFC8996);
        assertEquals(Reason.NO_COMMON_PROTOCOL, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("no TLS version both sides allow (we offer TLSv1.3, TLSv1.2")
                && e.getMessage().contains("RFC 8996"), e.getMessage());
        assertTrue(serverOut.readLine().startsWith("FAILED"));
    }

    @Test
    void evenTheRetiredProfilesThatAllowedTls10AreRefusedByThisJvm() throws Exception {
        for (TlsProfile p : List.of(TlsProfile.BCP195, TlsProfile.AES)) {
            TlsHandshakeException e = refused(p);
            assertEquals(Reason.NO_COMMON_PROTOCOL, e.reason(), p + ": " + e.getMessage());
            assertTrue(serverOut.readLine().startsWith("FAILED"));
        }
    }

    static TlsHandshakeException refused(TlsProfile profile) throws Exception {
        DicomTls tls = DicomTls.create(TlsOptions.builder().anonymous().addTrustedCertificateFile(PKI.file("ca.crt"))
                .profile(profile).build());
        AssociationConfig cfg = AssociationConfig.builder("127.0.0.1", port).acseTimeout(Duration.ofSeconds(5))
                .socketFactory(tls.socketFactory()).build();
        return assertThrows(TlsHandshakeException.class, () -> Association.open(cfg).close());
    }
}
