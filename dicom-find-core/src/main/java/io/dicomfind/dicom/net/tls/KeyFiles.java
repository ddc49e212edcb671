package io.dicomfind.dicom.net.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads certificates and CRLs from PEM (RFC 7468) or DER files with the JDK alone, and private keys through
 * {@link PrivateKeyReader} (BouncyCastle, optional: only {@code +tls} with a key file needs it).
 */
final class KeyFiles {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final long MAX_FILE = 4L << 20;

    private KeyFiles() {
    }

    /** One PEM block: its label and its decoded content. */
    record PemBlock(String label, byte[] der) {
    }

    static byte[] readBounded(Path file, String what) throws TlsSetupException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) {
                throw new TlsSetupException(what + " " + file + " is " + size + " bytes; a key, certificate or CRL "
                        + "file is at most " + MAX_FILE + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (TlsSetupException e) {
            throw e;
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    static List<PemBlock> pemBlocks(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<PemBlock> out = new ArrayList<>();
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            StringBuilder base64 = new StringBuilder();
            for (String line : m.group(2).split("\\R")) {
                if (base64.length() > 0 || line.indexOf(':') <= 0) { // RFC 1421 4.6 headers come first: skipped
                    base64.append(line.trim());
                }
            }
            out.add(new PemBlock(m.group(1), Base64.getDecoder().decode(base64.toString())));
        }
        return out;
    }

    // ------------------------------------------------------------------ private keys

    /**
     * Reads the private key of {@code +tls} with BouncyCastle ({@link PrivateKeyReader}), which is an optional
     * dependency: only a key file needs it, so it is looked for here, before any of its classes is touched.
     *
     * @throws TlsSetupException unreadable, not a key, unsupported encryption, a wrong password (said so), or
     *                           BouncyCastle missing (the jar to add named)
     */
    static PrivateKey readPrivateKey(Path file, KeyFileFormat format, PasswordSource password)
            throws TlsSetupException {
        byte[] content = readBounded(file, "private key file");
        requireBouncyCastle(file);
        return PrivateKeyReader.read(content, file, format, password);
    }

    /** A class of each of bcpkix, bcprov and bcutil (which bcpkix needs), named by artifact. */
    private static final String[][] BOUNCY_CASTLE = {
            {"org.bouncycastle.openssl.PEMParser", "bcpkix-jdk18on"},
            {"org.bouncycastle.jce.provider.BouncyCastleProvider", "bcprov-jdk18on"},
            {"org.bouncycastle.asn1.cms.ContentInfo", "bcutil-jdk18on"}};

    private static void requireBouncyCastle(Path file) throws TlsSetupException {
        for (String[] c : BOUNCY_CASTLE) {
            try {
                Class.forName(c[0], false, KeyFiles.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new TlsSetupException("reading private key file " + file + " needs BouncyCastle: add "
                        + c[1] + ".jar (org.bouncycastle:" + c[1] + ", " + BOUNCY_CASTLE_VERSION + " or later; "
                        + "bcpkix-jdk18on brings bcprov-jdk18on and bcutil-jdk18on) to the class path");
            }
        }
    }

    /** The version this code is built and tested with (the parent pom's bouncycastle.version). */
    static final String BOUNCY_CASTLE_VERSION = "1.87";

    // ------------------------------------------------------------------ certificates and CRLs

    /**
     * Reads the X.509 certificates of a file (PEM, several allowed, or DER). Both encodings are accepted whatever
     * {@code -pem}/{@code -der} says: the JDK's certificate parser tells them apart.
     */
    static List<X509Certificate> readCertificates(Path file, String what) throws TlsSetupException {
        byte[] content = readBounded(file, what);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pemCertificatesOnly(content)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new TlsSetupException(what + " " + file + " holds no X.509 certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new TlsSetupException(what + " " + file + " is not an X.509 certificate file: " + e.getMessage(),
                    e);
        }
    }

    /** A PEM file may also hold a key (a combined file): keep only the certificate blocks for the parser. */
    private static byte[] pemCertificatesOnly(byte[] content) {
        List<PemBlock> blocks = pemBlocks(content);
        if (blocks.isEmpty()) {
            return content; // DER
        }
        StringBuilder sb = new StringBuilder();
        for (PemBlock b : blocks) {
            if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")
                    || b.label().equals("TRUSTED CERTIFICATE")) {
                sb.append("-----BEGIN CERTIFICATE-----\n").append(Base64.getMimeEncoder().encodeToString(b.der()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the CRLs of a file (PEM or DER). */
    static List<X509CRL> readCrls(Path file) throws TlsSetupException {
        byte[] content = readBounded(file, "CRL file");
        try {
            List<X509CRL> out = new ArrayList<>();
            for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(content))) {
                out.add((X509CRL) c);
            }
            if (out.isEmpty()) {
                throw new TlsSetupException("CRL file " + file + " holds no CRL");
            }
            return out;
        } catch (java.security.cert.CRLException | CertificateException e) {
            throw new TlsSetupException("CRL file " + file + " is not an X.509 CRL: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the private key belongs to the certificate by signing and verifying a test message with the
     * certificate's public key.
     */
    static void requireMatch(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile)
            throws TlsSetupException {
        PublicKey pub = cert.getPublicKey();
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return; // e.g. RSASSA-PSS: its parameters would be needed; the handshake will tell
        }
        boolean ok;
        try {
            if (key instanceof RSAKey rk && pub instanceof RSAKey pk) {
                ok = rk.getModulus().equals(pk.getModulus());
            } else if (!key.getAlgorithm().equals(algorithmOf(pub))) {
                ok = false;
            } else {
                byte[] probe = "dicomfind key check".getBytes(StandardCharsets.US_ASCII);
                Signature s = Signature.getInstance(alg);
                s.initSign(key);
                s.update(probe);
                byte[] sig = s.sign();
                s.initVerify(pub);
                s.update(probe);
                ok = s.verify(sig);
            }
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw new TlsSetupException("the private key in " + keyFile + " does not belong to the certificate in "
                    + certFile + " (" + cert.getSubjectX500Principal().getName() + ")");
        }
    }

    private static String algorithmOf(Key k) {
        return k.getAlgorithm().equals("EdDSA") ? "EdDSA" : k.getAlgorithm();
    }
}
