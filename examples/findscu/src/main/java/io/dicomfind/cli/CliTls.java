package io.dicomfind.cli;

import io.dicomfind.dicom.net.tls.CipherSuites;
import io.dicomfind.dicom.net.tls.CrlCheck;
import io.dicomfind.dicom.net.tls.DicomTls;
import io.dicomfind.dicom.net.tls.KeyFileFormat;
import io.dicomfind.dicom.net.tls.PasswordSource;
import io.dicomfind.dicom.net.tls.PeerAuthentication;
import io.dicomfind.dicom.net.tls.TlsOptions;
import io.dicomfind.dicom.net.tls.TlsProfile;
import io.dicomfind.dicom.net.tls.TlsSetupException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** findscu's TLS options ({@link FindscuOptions.TlsOptions}) turned into a {@link DicomTls}, and {@code +cc}. */
final class CliTls {
    private CliTls() {
    }

    /**
     * Builds the TLS context of a run; the handshake timeout is the ACSE timeout ({@code -ta}).
     *
     * @throws TlsSetupException       unreadable files, wrong password, a profile or suite this JVM cannot provide
     * @throws IllegalArgumentException an option combination findscu refuses
     */
    static DicomTls create(FindscuOptions.TlsOptions t, int acseTimeoutSeconds, CliLog log) throws TlsSetupException {
        TlsOptions.Builder b = TlsOptions.builder();
        if (t.mode == FindscuOptions.TlsOptions.Mode.AUTHENTICATED) {
            b.keyAndCertificate(Path.of(t.privateKeyFile), Path.of(t.certificateFile));
            if (!t.passwordPrompt) {
                b.password(t.password == null || t.password.isEmpty() ? PasswordSource.empty()
                        : PasswordSource.of(t.password));
            }
        } else {
            b.anonymous();
        }
        b.keyFileFormat(t.derKeys ? KeyFileFormat.DER : KeyFileFormat.PEM);
        t.certificateFiles.forEach(f -> b.addTrustedCertificateFile(Path.of(f)));
        t.certificateDirectories.forEach(d -> b.addTrustedCertificateDirectory(Path.of(d)));
        t.crlFiles.forEach(f -> b.addCrlFile(Path.of(f)));
        b.crlCheck(switch (t.crlVerification) {
            case "leaf" -> CrlCheck.LEAF;
            case "all" -> CrlCheck.CHAIN;
            default -> CrlCheck.NONE;
        });
        b.profile(TlsProfile.of(t.profile));
        t.ciphers.forEach(b::addCipherSuite);
        b.requestServerName(t.serverName);
        if (t.seedFile != null) {
            b.seedFile(Path.of(t.seedFile));
            if (t.writeSeed) {
                b.writeSeed();
            }
            if (t.writeSeedFile != null) {
                b.writeSeedFile(Path.of(t.writeSeedFile));
            }
        }
        b.peerAuthentication(t.requirePeerCertificate ? PeerAuthentication.REQUIRE : PeerAuthentication.IGNORE);
        b.handshakeTimeout(Duration.ofSeconds(Math.max(1, acseTimeoutSeconds)));
        DicomTls tls = DicomTls.create(b.build());
        tls.addHandshakeListener(s -> log.info("TLS connection established: " + s.getProtocol() + ", "
                + CipherSuites.toIana(s.getCipherSuite())));
        return tls;
    }

    /** {@code +cc}: the suites this JVM can negotiate, IANA names, as findscu lists them. */
    static void listCiphers(PrintStream out) {
        out.println("Supported TLS ciphersuites are:");
        for (String s : CipherSuites.available()) {
            String openssl = CipherSuites.toOpenSsl(s);
            out.println("  " + CipherSuites.toIana(s) + (openssl == null || openssl.equals(s) ? "" : "  (" + openssl
                    + ")"));
        }
        out.flush();
    }
}
