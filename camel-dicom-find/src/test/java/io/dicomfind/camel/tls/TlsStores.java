package io.dicomfind.camel.tls;

import io.dicomfind.dicom.net.tls.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * What a Camel user configures for DICOM TLS, made from the test PKI ({@link TestPki}): PKCS12 key stores written
 * with the JDK's {@link KeyStore} (our key and certificate; the trusted CA), and {@link SSLContextParameters} whose
 * {@link KeyStoreParameters} point to them as {@code file:} resources.
 */
final class TlsStores {
    static final String PASSWORD = "changeit";
    static final TestPki PKI = TestPki.get();

    private TlsStores() {
    }

    /** {@code sslContextParameters} presenting {@code keyName}'s certificate (none when null) and trusting CA {@code ca}. */
    static SSLContextParameters parameters(String keyName, String ca) {
        SSLContextParameters p = new SSLContextParameters();
        if (keyName != null) {
            KeyManagersParameters km = new KeyManagersParameters();
            km.setKeyStore(store(keyStore(keyName)));
            km.setKeyPassword(PASSWORD);
            p.setKeyManagers(km);
        }
        TrustManagersParameters tm = new TrustManagersParameters();
        tm.setKeyStore(store(trustStore(ca)));
        p.setTrustManagers(tm);
        return p;
    }

    static KeyStoreParameters store(Path p12) {
        KeyStoreParameters ks = new KeyStoreParameters();
        ks.setResource("file:" + p12);
        ks.setType("PKCS12");
        ks.setPassword(PASSWORD);
        return ks;
    }

    /** {@code <name>.p12}: the PEM key and certificate of the test PKI as one PKCS12 private key entry. */
    static synchronized Path keyStore(String name) {
        Path p12 = PKI.file(name + "-camel.p12");
        if (!Files.exists(p12)) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(name, privateKey(PKI.file(name + ".key")), PASSWORD.toCharArray(),
                        new Certificate[] {certificate(PKI.file(name + ".crt"))});
                write(ks, p12);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write " + p12, e);
            }
        }
        return p12;
    }

    /** {@code <ca>-trust.p12}: the CA certificate as a trusted certificate entry. */
    static synchronized Path trustStore(String ca) {
        Path p12 = PKI.file(ca + "-trust.p12");
        if (!Files.exists(p12)) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setCertificateEntry(ca, certificate(PKI.file(ca + ".crt")));
                write(ks, p12);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write " + p12, e);
            }
        }
        return p12;
    }

    private static void write(KeyStore ks, Path p12) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, PASSWORD.toCharArray());
        }
    }

    /** An unencrypted PKCS#8 PEM key, as {@code openssl req -nodes} writes it. */
    private static PrivateKey privateKey(Path pem) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    private static Certificate certificate(Path pem) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
