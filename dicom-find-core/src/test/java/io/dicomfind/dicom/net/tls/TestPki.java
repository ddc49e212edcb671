package io.dicomfind.dicom.net.tls;

import io.dicomfind.peers.Peers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with the {@code openssl} command line once per test JVM: a CA and an unrelated CA, server and
 * client certificates (RSA; one EC client), an expired and a revoked one of each, the CA's CRL, and the client key in
 * every form findscu reads (PKCS#8 plain and encrypted, PKCS#1 plain and legacy-encrypted, SEC1 EC, DER).
 * The password of every encrypted key is {@value #PASSWORD}.
 */
public final class TestPki {
    public static final String PASSWORD = "secret";
    private static TestPki instance;

    final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            Path dir = Peers.tempDir("pki");
            TestPki pki = new TestPki(dir);
            pki.generate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Peers.deleteRecursively(dir)));
            instance = pki;
        }
        return instance;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    private void generate() {
        try {
            for (String ca : List.of("ca", "other-ca")) {
                Path d = Files.createDirectories(dir.resolve(ca + "-db/newcerts"));
                Files.writeString(d.getParent().resolve("index.txt"), "");
                Files.writeString(d.getParent().resolve("serial"), ca.equals("ca") ? "1000\n" : "5000\n");
                Files.writeString(d.getParent().resolve("crlnumber"), "01\n");
                Files.writeString(dir.resolve(ca + ".cnf"), caConfig(ca));
                openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca + ".key", "-out", ca + ".crt",
                        "-days", "3650", "-subj", "/O=dicomfind tests/CN=" + (ca.equals("ca") ? "Test CA" : "Other CA"),
                        "-addext", "basicConstraints=critical,CA:TRUE",
                        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            }
            issue("ca", "server", "/CN=localhost", null, null);
            issue("ca", "client", "/CN=FINDSCU client", null, null);
            issue("ca", "server-expired", "/CN=expired server", "20200101000000Z", "20210101000000Z");
            issue("ca", "client-expired", "/CN=expired client", "20200101000000Z", "20210101000000Z");
            issue("ca", "server-revoked", "/CN=revoked server", null, null);
            issue("ca", "client-revoked", "/CN=revoked client", null, null);
            issue("other-ca", "server-other", "/CN=localhost", null, null);
            issue("other-ca", "client-other", "/CN=client of another CA", null, null);
            openssl("ca", "-batch", "-config", "ca.cnf", "-revoke", "server-revoked.crt");
            openssl("ca", "-batch", "-config", "ca.cnf", "-revoke", "client-revoked.crt");
            openssl("ca", "-batch", "-config", "ca.cnf", "-gencrl", "-out", "ca.crl");
            openssl("ca", "-batch", "-config", "other-ca.cnf", "-gencrl", "-out", "other-ca.crl");
            // the client key in every form
            openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "client.key", "-out", "client-pkcs8-enc.key",
                    "-passout", "pass:" + PASSWORD);
            openssl("rsa", "-in", "client.key", "-traditional", "-out", "client-pkcs1.key");
            openssl("rsa", "-in", "client.key", "-traditional", "-aes256", "-passout", "pass:" + PASSWORD,
                    "-out", "client-pkcs1-enc.key");
            openssl("rsa", "-in", "client.key", "-traditional", "-des3", "-passout", "pass:" + PASSWORD,
                    "-out", "client-pkcs1-des3.key");
            openssl("pkcs8", "-topk8", "-nocrypt", "-in", "client.key", "-outform", "DER", "-out", "client-key.der");
            openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "client.key", "-outform", "DER",
                    "-out", "client-key-enc.der", "-passout", "pass:" + PASSWORD);
            openssl("x509", "-in", "client.crt", "-outform", "DER", "-out", "client-crt.der");
            // forms the JDK alone could not read: PBES2 with 3DES, PBES2 with scrypt (RFC 7914), PKCS#1 as DER
            openssl("pkcs8", "-topk8", "-v2", "des3", "-in", "client.key", "-out", "client-pkcs8-des3.key",
                    "-passout", "pass:" + PASSWORD);
            openssl("pkcs8", "-topk8", "-scrypt", "-in", "client.key", "-out", "client-pkcs8-scrypt.key",
                    "-passout", "pass:" + PASSWORD);
            openssl("rsa", "-in", "client.key", "-traditional", "-outform", "DER", "-out", "client-pkcs1.der");
            openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "client.key", "-out", "client-pkcs8-nopw.key",
                    "-passout", "pass:");
            // encryptions neither reads (OpenSSL does): legacy ARIA, PKCS#8 with Camellia
            openssl("rsa", "-in", "client.key", "-traditional", "-aria256", "-passout", "pass:" + PASSWORD,
                    "-out", "client-pkcs1-aria.key");
            openssl("pkcs8", "-topk8", "-v2", "camellia256", "-in", "client.key", "-out", "client-pkcs8-camellia.key",
                    "-passout", "pass:" + PASSWORD);
            // an EC client in SEC1 form
            openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "client-ec.key");
            openssl("req", "-new", "-key", "client-ec.key", "-out", "client-ec.csr", "-subj", "/CN=EC client");
            openssl("ca", "-batch", "-config", "ca.cnf", "-notext", "-in", "client-ec.csr", "-out", "client-ec.crt",
                    "-extensions", "leaf_ext");
            openssl("ec", "-in", "client-ec.key", "-aes128", "-passout", "pass:" + PASSWORD, "-out",
                    "client-ec-enc.key");
            openssl("ec", "-in", "client-ec.key", "-outform", "DER", "-out", "client-ec-key.der");
            // a directory for +cd holding the CA certificate and its CRL under arbitrary names
            Path cd = Files.createDirectories(dir.resolve("trusted"));
            Files.copy(dir.resolve("ca.crt"), cd.resolve("our-ca.pem"));
            Files.copy(dir.resolve("ca.crl"), cd.resolve("our-ca-crl.pem"));
            Files.writeString(cd.resolve("README.txt"), "not a certificate\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate test PKI in " + dir, e);
        }
    }

    private void issue(String ca, String name, String subject, String start, String end) {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", subject);
        List<String> cmd = new ArrayList<>(List.of("ca", "-batch", "-config", ca + ".cnf", "-notext", "-in",
                name + ".csr", "-out", name + ".crt", "-extensions", "leaf_ext"));
        if (start != null) {
            cmd.addAll(List.of("-startdate", start, "-enddate", end));
        }
        openssl(cmd.toArray(new String[0]));
    }

    private String caConfig(String ca) {
        return """
                [ ca ]
                default_ca = test_ca
                [ test_ca ]
                dir = %1$s
                database = $dir/%2$s-db/index.txt
                new_certs_dir = $dir/%2$s-db/newcerts
                serial = $dir/%2$s-db/serial
                crlnumber = $dir/%2$s-db/crlnumber
                certificate = $dir/%2$s.crt
                private_key = $dir/%2$s.key
                default_md = sha256
                default_days = 365
                default_crl_days = 30
                policy = policy_any
                unique_subject = no
                [ policy_any ]
                commonName = supplied
                organizationName = optional
                [ leaf_ext ]
                basicConstraints = CA:FALSE
                keyUsage = critical, digitalSignature, keyEncipherment
                extendedKeyUsage = serverAuth, clientAuth
                subjectAltName = DNS:localhost, IP:127.0.0.1
                authorityKeyIdentifier = keyid
                """.formatted(dir.toString(), ca);
    }

    void openssl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Peers.exec(cmd, dir).requireSuccess();
    }
}
