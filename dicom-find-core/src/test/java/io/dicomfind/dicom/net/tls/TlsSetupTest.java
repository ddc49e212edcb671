package io.dicomfind.dicom.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Setting TLS up from findscu's options, without a peer: keys in every form, profiles, suites, files. */
class TlsSetupTest {
    static final TestPki PKI = TestPki.get();

    static TlsOptions.Builder client(String key, String cert) {
        return TlsOptions.builder().keyAndCertificate(PKI.file(key), PKI.file(cert))
                .addTrustedCertificateFile(PKI.file("ca.crt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "client.key, PEM, client.crt",
            "client-pkcs8-enc.key, PEM, client.crt",
            "client-pkcs1.key, PEM, client.crt",
            "client-pkcs1-enc.key, PEM, client.crt",
            "client-pkcs1-des3.key, PEM, client.crt",
            "client-key.der, DER, client-crt.der",
            "client-key-enc.der, DER, client-crt.der",
            "client-ec.key, PEM, client-ec.crt",
            "client-pkcs8-des3.key, PEM, client.crt",
            "client-pkcs8-scrypt.key, PEM, client.crt",
            "client-pkcs1.der, DER, client-crt.der",
            "client-ec-enc.key, PEM, client-ec.crt",
            "client-ec-key.der, DER, client-ec.crt"})
    void everyKeyFormOpenSslWritesIsRead(String key, KeyFileFormat format, String cert) throws Exception {
        DicomTls tls = DicomTls.create(client(key, cert).keyFileFormat(format)
                .password(PasswordSource.of(TestPki.PASSWORD)).build());
        assertTrue(tls.certificate().getSubjectX500Principal().getName().contains("client"),
                tls.certificate().getSubjectX500Principal().getName());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"client-pkcs8-enc.key, PEM", "client-pkcs1-enc.key, PEM", "client-pkcs1-des3.key, PEM",
            "client-key-enc.der, DER", "client-pkcs8-scrypt.key, PEM", "client-ec-enc.key, PEM"})
    void aWrongPasswordIsSaidSo(String key, KeyFileFormat format) {
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> DicomTls.create(
                client(key, "client.crt").keyFileFormat(format).password(PasswordSource.of("wrong")).build()));
        assertTrue(e.getMessage().contains("wrong password") && e.getMessage().contains(key), e.getMessage());
        TlsSetupException empty = assertThrows(TlsSetupException.class, () -> DicomTls.create(
                client(key, "client.crt").keyFileFormat(format).password(PasswordSource.empty()).build()));
        assertTrue(empty.getMessage().contains("wrong password"), empty.getMessage());
    }

    @Test
    void aKeyEncryptedWithTheEmptyPasswordIsReadWithMinusPw() throws Exception {
        DicomTls tls = DicomTls.create(client("client-pkcs8-nopw.key", "client.crt")
                .password(PasswordSource.empty()).build());
        assertTrue(tls.certificate().getSubjectX500Principal().getName().contains("client"));
        TlsSetupException wrong = assertThrows(TlsSetupException.class, () -> DicomTls.create(
                client("client-pkcs8-nopw.key", "client.crt").password(PasswordSource.of("x")).build()));
        assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());
    }

    @Test
    void anEncryptionThatCannotBeReadIsNamedNotTakenForAWrongPassword() {
        TlsSetupException aria = assertThrows(TlsSetupException.class, () -> DicomTls.create(
                client("client-pkcs1-aria.key", "client.crt").password(PasswordSource.of(TestPki.PASSWORD)).build()));
        assertTrue(aria.getMessage().contains("legacy encryption with ARIA-256-CBC, which is not supported")
                && aria.getMessage().contains("openssl pkcs8 -topk8"), aria.getMessage());
        TlsSetupException camellia = assertThrows(TlsSetupException.class, () -> DicomTls.create(
                client("client-pkcs8-camellia.key", "client.crt").password(PasswordSource.of(TestPki.PASSWORD))
                        .build()));
        // PBES2 (RFC 8018) with camellia256-cbc (1.2.392.200011.61.1.1.1.4, RFC 3657)
        assertTrue(camellia.getMessage().contains("is encrypted with PBES2 with 1.2.392.200011.61.1.1.1.4, which is "
                + "not supported"), camellia.getMessage());
        assertFalse(camellia.getMessage().contains("wrong password"), camellia.getMessage());
    }

    @Test
    void aKeyFileWithoutBouncyCastleOnTheClassPathNamesTheJarToAdd() throws Exception {
        // the core's classes and slf4j, without BouncyCastle: the class path of an application that did not add it
        java.net.URL[] path = {DicomTls.class.getProtectionDomain().getCodeSource().getLocation(),
                org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation()};
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> options = loader.loadClass(TlsOptions.class.getName());
            Object builder = options.getMethod("builder").invoke(null);
            builder.getClass().getMethod("keyAndCertificate", Path.class, Path.class)
                    .invoke(builder, PKI.file("client.key"), PKI.file("client.crt"));
            builder.getClass().getMethod("addTrustedCertificateFile", Path.class).invoke(builder, PKI.file("ca.crt"));
            Object built = builder.getClass().getMethod("build").invoke(builder);
            java.lang.reflect.InvocationTargetException e = assertThrows(
                    java.lang.reflect.InvocationTargetException.class, () -> loader.loadClass(DicomTls.class.getName())
                            .getMethod("create", options).invoke(null, built));
            assertEquals(TlsSetupException.class.getName(), e.getCause().getClass().getName());
            assertEquals("reading private key file " + PKI.file("client.key") + " needs BouncyCastle: add "
                    + "bcpkix-jdk18on.jar (org.bouncycastle:bcpkix-jdk18on, 1.87 or later; bcpkix-jdk18on brings "
                    + "bcprov-jdk18on and bcutil-jdk18on) to the class path", e.getCause().getMessage());
            // without a key file nothing needs it
            Object anonymous = options.getMethod("builder").invoke(null);
            anonymous.getClass().getMethod("anonymous").invoke(anonymous);
            anonymous.getClass().getMethod("addTrustedCertificateFile", Path.class)
                    .invoke(anonymous, PKI.file("ca.crt"));
            loader.loadClass(DicomTls.class.getName()).getMethod("create", options)
                    .invoke(null, anonymous.getClass().getMethod("build").invoke(anonymous));
        }
    }

    @Test
    void theKeyMustBelongToTheCertificate() {
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(client("server.key", "client.crt").build()));
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
    }

    @Test
    void pemReadAsDerAndDerReadAsPemNameTheOtherOption() {
        TlsSetupException asDer = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(client("client.key", "client.crt").keyFileFormat(KeyFileFormat.DER).build()));
        assertTrue(asDer.getMessage().contains("use -pem"), asDer.getMessage());
        TlsSetupException asPem = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(client("client-key.der", "client.crt").build()));
        assertTrue(asPem.getMessage().contains("use -der"), asPem.getMessage());
    }

    @Test
    void missingFilesAreNamed() {
        TlsSetupException e = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(client("nope.key", "client.crt").build()));
        assertTrue(e.getMessage().contains("nope.key"), e.getMessage());
        TlsSetupException cf = assertThrows(TlsSetupException.class, () -> DicomTls.create(TlsOptions.builder()
                .anonymous().addTrustedCertificateFile(PKI.file("client.key")).build()));
        assertTrue(cf.getMessage().contains("+cf") && cf.getMessage().contains("client.key"), cf.getMessage());
    }

    @Test
    void defaultProfileIsBcp195Rfc8996WithTls13And12AndRecommendedSuitesOnly() throws Exception {
        DicomTls tls = DicomTls.create(TlsOptions.builder().anonymous()
                .addTrustedCertificateFile(PKI.file("ca.crt")).build());
        assertEquals(TlsProfile.BCP195_RFC8996, tls.profile());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.protocols());
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                tls.cipherSuites());
        assertNull(tls.certificate(), "+tla: no certificate");
    }

    @Test
    void retiredProfilesMapToTheirSuitesAndProtocolsAsFarAsTheJvmAllows() throws Exception {
        DicomTls pz = DicomTls.create(anon(TlsProfile.BCP195_EXTENDED));
        assertEquals(List.of("TLSv1.2"), pz.protocols());
        assertEquals(6, pz.cipherSuites().size());
        DicomTls py = DicomTls.create(anon(TlsProfile.BCP195_NON_DOWNGRADING));
        assertTrue(py.cipherSuites().contains("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"), py.cipherSuites().toString());
        DicomTls px = DicomTls.create(anon(TlsProfile.BCP195));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), px.protocols(), "TLS 1.0/1.1 are disabled in this JVM");
        assertTrue(px.cipherSuites().contains("TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertFalse(px.cipherSuites().contains("SSL_RSA_WITH_3DES_EDE_CBC_SHA"), "3DES is optional and disabled");
        DicomTls pa = DicomTls.create(anon(TlsProfile.AES));
        assertEquals(List.of("TLSv1.2"), pa.protocols());
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), pa.cipherSuites());
    }

    @Test
    void profilesTheJvmCannotProvideAreRefusedWithTheReason() {
        TlsSetupException basic = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(anon(TlsProfile.BASIC)));
        assertTrue(basic.getMessage().contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA")
                && basic.getMessage().contains("jdk.tls.disabledAlgorithms contains 3DES_EDE_CBC"),
                basic.getMessage());
        TlsSetupException nul = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(anon(TlsProfile.NULL_ENCRYPTION)));
        assertTrue(nul.getMessage().contains("TLS_RSA_WITH_NULL_SHA") && nul.getMessage().contains("NULL"),
                nul.getMessage());
        TlsSetupException mod = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(anon(TlsProfile.BCP195_RFC8996_MODIFIED)));
        assertTrue(mod.getMessage().contains("CCM") && mod.getMessage().contains("not implemented"),
                mod.getMessage());
    }

    @Test
    void addedCipherSuitesFollowTheProfileRules() throws Exception {
        DicomTls chacha = DicomTls.create(TlsOptions.builder().anonymous().addTrustedCertificateFile(
                PKI.file("ca.crt")).addCipherSuite("ECDHE-RSA-CHACHA20-POLY1305").build());
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                chacha.cipherSuites().get(chacha.cipherSuites().size() - 1), "OpenSSL name mapped to IANA/JSSE");
        TlsSetupException sha1 = assertThrows(TlsSetupException.class, () -> DicomTls.create(TlsOptions.builder()
                .anonymous().addTrustedCertificateFile(PKI.file("ca.crt"))
                .addCipherSuite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").build()));
        assertTrue(sha1.getMessage().contains("SHA-1 MAC"), sha1.getMessage());
        TlsSetupException unknown = assertThrows(TlsSetupException.class, () -> DicomTls.create(TlsOptions
                .builder().anonymous().addTrustedCertificateFile(PKI.file("ca.crt")).addCipherSuite("FOO-BAR")
                .build()));
        assertTrue(unknown.getMessage().startsWith("+cs: unknown cipher suite 'FOO-BAR'"), unknown.getMessage());
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder()
                .profile(TlsProfile.BCP195_EXTENDED).addCipherSuite("TLS_AES_128_GCM_SHA256").build());
        assertTrue(fixed.getMessage().contains("+cs is not allowed with Extended BCP 195"), fixed.getMessage());
    }

    @Test
    void verificationNeedsTrustedCertificatesAndCrlChecksNeedCrls() throws Exception {
        TlsSetupException none = assertThrows(TlsSetupException.class,
                () -> DicomTls.create(TlsOptions.builder().anonymous().build()));
        assertTrue(none.getMessage().contains("add +cf FILE or +cd DIR"), none.getMessage());
        TlsSetupException crl = assertThrows(TlsSetupException.class, () -> DicomTls.create(TlsOptions.builder()
                .anonymous().addTrustedCertificateFile(PKI.file("ca.crt")).crlCheck(CrlCheck.LEAF).build()));
        assertTrue(crl.getMessage().contains("+crv needs certificate revocation lists"), crl.getMessage());
        // -ic needs neither; +cd finds the certificate and the CRL among other files
        DicomTls.create(TlsOptions.builder().anonymous().peerAuthentication(PeerAuthentication.IGNORE).build());
        DicomTls.create(TlsOptions.builder().anonymous().addTrustedCertificateDirectory(PKI.file("trusted"))
                .crlCheck(CrlCheck.CHAIN).build());
        assertEquals(CrlCheck.LEAF, TlsOptions.builder().addCrlFile(PKI.file("ca.crl")).build().crlCheck(),
                "+crl implies +crv");
    }

    @Test
    void findscuOptionCombinationsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().anonymous()
                .password(PasswordSource.of("x")).build());
        IllegalArgumentException ws = assertThrows(IllegalArgumentException.class,
                () -> TlsOptions.builder().writeSeed().build());
        assertEquals("+ws and +wf are only allowed with +rs", ws.getMessage());
    }

    @Test
    void seedFilesAreReadAndWrittenBack(@TempDir Path tmp) throws Exception {
        Path seed = Files.write(tmp.resolve("seed.bin"), new byte[] {1, 2, 3});
        DicomTls.create(TlsOptions.builder().anonymous().addTrustedCertificateFile(PKI.file("ca.crt"))
                .seedFile(seed).writeSeed().build());
        assertEquals(1024, Files.size(seed), "+ws writes fresh random bytes back");
        Path other = tmp.resolve("other.bin");
        DicomTls.create(TlsOptions.builder().anonymous().addTrustedCertificateFile(PKI.file("ca.crt"))
                .seedFile(seed).writeSeedFile(other).build());
        assertEquals(1024, Files.size(other), "+wf writes to the file named");
    }

    @Test
    void sniMustBeAHostName() {
        TlsSetupException e = assertThrows(TlsSetupException.class, () -> DicomTls.create(TlsOptions.builder()
                .anonymous().addTrustedCertificateFile(PKI.file("ca.crt")).requestServerName("1.2.3.4").build()));
        assertTrue(e.getMessage().startsWith("--request-sni: '1.2.3.4'"), e.getMessage());
    }

    @Test
    void cipherSuiteNames() {
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", CipherSuites.toJsse("ECDHE-RSA-AES128-GCM-SHA256"));
        assertEquals("SSL_RSA_WITH_3DES_EDE_CBC_SHA", CipherSuites.toJsse("TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
        assertEquals("TLS_RSA_WITH_3DES_EDE_CBC_SHA", CipherSuites.toIana("SSL_RSA_WITH_3DES_EDE_CBC_SHA"));
        assertEquals("AES128-SHA", CipherSuites.toOpenSsl("TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertTrue(CipherSuites.available().contains("TLS_AES_128_GCM_SHA256"));
        assertFalse(CipherSuites.availableProtocols().contains("TLSv1"), CipherSuites.availableProtocols()
                .toString());
        assertEquals(TlsProfile.AES, TlsProfile.of("+pa"));
        assertEquals(TlsProfile.BCP195_RFC8996, TlsProfile.of("--profile-8996"));
    }

    static TlsOptions anon(TlsProfile profile) {
        return TlsOptions.builder().anonymous().addTrustedCertificateFile(PKI.file("ca.crt")).profile(profile)
                .build();
    }
}
