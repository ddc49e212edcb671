package io.dicomfind.dicom.net.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
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
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads private keys, certificates and CRLs from PEM (RFC 7468) or DER files with the JDK alone.
 *
 * <p>Private keys: PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}, RFC 5958 3; PBES2
 * with PBKDF2 and AES as OpenSSL 3 writes it, and the PKCS#12 PBE schemes the JDK implements), PKCS#1 RSA ({@code
 * RSA PRIVATE KEY}, RFC 8017 A.1.2) and SEC1 EC ({@code EC PRIVATE KEY}, RFC 5915), the last two also in OpenSSL's
 * legacy encrypted form ({@code Proc-Type: 4,ENCRYPTED} with {@code DEK-Info} AES-128/192/256-CBC or DES-EDE3-CBC,
 * key derived as OpenSSL's EVP_BytesToKey with MD5).
 */
final class KeyFiles {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final long MAX_FILE = 4L << 20;
    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String EC_OID = "1.2.840.10045.2.1";
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            RSA_OID, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            EC_OID, "EC",
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");

    private KeyFiles() {
    }

    /** One PEM block: its label, its headers (RFC 1421 style, legacy encryption) and its decoded content. */
    record PemBlock(String label, Map<String, String> headers, byte[] der) {
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
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            for (String line : m.group(2).split("\\R")) {
                int colon = line.indexOf(':');
                if (base64.length() == 0 && colon > 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim()); // RFC 1421 4.6
                } else {
                    base64.append(line.trim());
                }
            }
            byte[] der = Base64.getDecoder().decode(base64.toString());
            out.add(new PemBlock(m.group(1), headers, der));
        }
        return out;
    }

    // ------------------------------------------------------------------ private keys

    /**
     * Reads the private key of {@code +tls}.
     *
     * @throws TlsSetupException unreadable, not a key, unsupported encryption, or a wrong password (said so)
     */
    static PrivateKey readPrivateKey(Path file, KeyFileFormat format, PasswordSource password)
            throws TlsSetupException {
        byte[] content = readBounded(file, "private key file");
        try {
            if (format == KeyFileFormat.DER) {
                return fromDer(content, file, password);
            }
            for (PemBlock b : pemBlocks(content)) {
                switch (b.label()) {
                    case "PRIVATE KEY":
                        return pkcs8(b.der(), file);
                    case "ENCRYPTED PRIVATE KEY":
                        return encryptedPkcs8(b.der(), file, password);
                    case "RSA PRIVATE KEY":
                        return pkcs8(wrapPkcs1(legacyDecrypt(b, file, password)), file);
                    case "EC PRIVATE KEY":
                        return pkcs8(wrapSec1(legacyDecrypt(b, file, password), file), file);
                    default:
                        // certificates or parameters next to the key: skip
                }
            }
        } catch (IllegalArgumentException e) {
            throw new TlsSetupException("private key file " + file + " is malformed: " + e.getMessage(), e);
        }
        throw new TlsSetupException("private key file " + file + " holds no PEM private key (expected -----BEGIN "
                + "PRIVATE KEY-----, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY"
                + (looksLikeDer(content) ? "; it looks like DER: use -der" : "") + ")");
    }

    private static boolean looksLikeDer(byte[] content) {
        return content.length > 2 && (content[0] & 0xFF) == Der.SEQUENCE;
    }

    private static PrivateKey fromDer(byte[] der, Path file, PasswordSource password) throws TlsSetupException {
        Der.Element top;
        try {
            top = Der.parse(der);
        } catch (IllegalArgumentException e) {
            throw new TlsSetupException("private key file " + file + " is not DER (" + e.getMessage() + ")"
                    + (new String(der, 0, Math.min(der.length, 11), StandardCharsets.ISO_8859_1)
                            .startsWith("-----BEGIN") ? "; it is PEM: use -pem" : ""), e);
        }
        List<Der.Element> f = top.tag() == Der.SEQUENCE ? top.children() : List.of();
        if (f.size() >= 2 && f.get(0).tag() == Der.SEQUENCE && f.get(1).tag() == Der.OCTET_STRING) {
            return encryptedPkcs8(der, file, password); // EncryptedPrivateKeyInfo
        }
        if (f.size() >= 3 && f.get(0).tag() == Der.INTEGER && f.get(1).tag() == Der.SEQUENCE) {
            return pkcs8(der, file); // PrivateKeyInfo
        }
        if (f.size() >= 9 && f.get(0).intValue() == 0 && f.get(1).tag() == Der.INTEGER) {
            return pkcs8(wrapPkcs1(der), file); // RSAPrivateKey
        }
        if (f.size() >= 2 && f.get(0).intValue() == 1 && f.get(1).tag() == Der.OCTET_STRING) {
            return pkcs8(wrapSec1(der, file), file); // ECPrivateKey
        }
        throw new TlsSetupException("private key file " + file + " is DER but not a PKCS#8, PKCS#1 or SEC1 private "
                + "key");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws TlsSetupException {
        String oid;
        try {
            oid = Der.parse(der).children().get(1).children().get(0).oid();
        } catch (RuntimeException e) {
            throw new TlsSetupException("private key file " + file + " is not a PKCS#8 PrivateKeyInfo", e);
        }
        String alg = KEY_ALGORITHMS.get(oid);
        if (alg == null) {
            throw new TlsSetupException("private key file " + file + ": key algorithm " + oid + " is not supported "
                    + "(RSA, EC, DSA, Ed25519, Ed448 are)");
        }
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("private key file " + file + ": invalid " + alg + " key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey encryptedPkcs8(byte[] der, Path file, PasswordSource password)
            throws TlsSetupException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new TlsSetupException("private key file " + file + ": malformed EncryptedPrivateKeyInfo", e);
        }
        AlgorithmParameters params = info.getAlgParameters();
        // for PBES2 the JDK names the scheme only through its parameters (e.g. PBEWithHmacSHA256AndAES_256)
        String scheme = params != null && "PBES2".equalsIgnoreCase(info.getAlgName()) ? params.toString()
                : info.getAlgName();
        char[] pw = askPassword(password, file);
        byte[] plain;
        try {
            SecretKeyFactory skf = SecretKeyFactory.getInstance(scheme);
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, skf.generateSecret(new PBEKeySpec(pw)), params);
            plain = info.getKeySpec(cipher).getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new TlsSetupException("private key file " + file + " is encrypted with " + scheme
                    + ", which this JVM does not implement; re-encrypt it, e.g. openssl pkcs8 -topk8 -v2 aes-256-cbc",
                    e);
        } catch (GeneralSecurityException e) {
            throw wrongPassword(file, e);
        } finally {
            Arrays.fill(pw, '\0');
        }
        try {
            return pkcs8(plain, file);
        } catch (TlsSetupException e) {
            throw wrongPassword(file, e);
        }
    }

    private static TlsSetupException wrongPassword(Path file, Exception cause) {
        return new TlsSetupException("cannot decrypt private key file " + file + ": wrong password (+pw/+ps/-pw)",
                cause);
    }

    private static char[] askPassword(PasswordSource password, Path file) throws TlsSetupException {
        try {
            char[] pw = password.password(file.toString());
            if (pw == null) {
                throw new TlsSetupException("no password for encrypted private key file " + file);
            }
            return pw;
        } catch (TlsSetupException e) {
            throw e;
        } catch (IOException e) {
            throw new TlsSetupException("cannot read the password of private key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * OpenSSL's legacy PEM encryption (RFC 1421 headers): {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info:
     * CIPHER,IV}; the key is EVP_BytesToKey(MD5, password, salt = first 8 bytes of the IV, 1 iteration).
     */
    private static byte[] legacyDecrypt(PemBlock b, Path file, PasswordSource password) throws TlsSetupException {
        String procType = b.headers().get("Proc-Type");
        if (procType == null || !procType.contains("ENCRYPTED")) {
            return b.der();
        }
        String dek = b.headers().get("DEK-Info");
        if (dek == null || dek.indexOf(',') < 0) {
            throw new TlsSetupException("private key file " + file + " is encrypted but has no DEK-Info header");
        }
        String cipherName = dek.substring(0, dek.indexOf(',')).trim().toUpperCase(Locale.ROOT);
        byte[] iv = HexFormat.of().parseHex(dek.substring(dek.indexOf(',') + 1).trim());
        String transformation;
        String keyAlg;
        int keyLen;
        switch (cipherName) {
            case "AES-128-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 16; }
            case "AES-192-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 24; }
            case "AES-256-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlg = "AES"; keyLen = 32; }
            case "DES-EDE3-CBC" -> { transformation = "DESede/CBC/PKCS5Padding"; keyAlg = "DESede"; keyLen = 24; }
            default -> throw new TlsSetupException("private key file " + file + " uses OpenSSL's legacy encryption "
                    + "with " + cipherName + ", which is not supported (AES-128/192/256-CBC and DES-EDE3-CBC are); "
                    + "convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in OLD -out NEW");
        }
        if (iv.length < 8) {
            throw new TlsSetupException("private key file " + file + ": DEK-Info IV is too short");
        }
        char[] pw = askPassword(password, file);
        try {
            byte[] key = bytesToKey(new String(pw).getBytes(StandardCharsets.UTF_8), Arrays.copyOf(iv, 8), keyLen);
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyAlg), new IvParameterSpec(iv));
            byte[] plain = c.doFinal(b.der());
            Der.Element e = Der.parse(plain); // a wrong key almost always yields garbage here
            if (e.tag() != Der.SEQUENCE) {
                throw new IllegalArgumentException("not a SEQUENCE");
            }
            return plain;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw wrongPassword(file, e);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private static byte[] bytesToKey(byte[] password, byte[] salt, int keyLen) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] out = new byte[keyLen];
        byte[] prev = new byte[0];
        int filled = 0;
        while (filled < keyLen) {
            md5.update(prev);
            md5.update(password);
            md5.update(salt);
            prev = md5.digest();
            int n = Math.min(prev.length, keyLen - filled);
            System.arraycopy(prev, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** PKCS#1 RSAPrivateKey into PKCS#8 PrivateKeyInfo (RFC 5208 5) with rsaEncryption and NULL parameters. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = Der.encode(Der.INTEGER, new byte[] {0});
        byte[] algorithm = Der.encode(Der.SEQUENCE, Der.oid(RSA_OID), Der.encode(Der.NULL));
        return Der.encode(Der.SEQUENCE, version, algorithm, Der.encode(Der.OCTET_STRING, pkcs1));
    }

    /** SEC1 ECPrivateKey into PKCS#8 with id-ecPublicKey and the named curve from its [0] parameters (RFC 5915 3). */
    private static byte[] wrapSec1(byte[] sec1, Path file) throws TlsSetupException {
        byte[] curve = null;
        for (Der.Element e : Der.parse(sec1).children()) {
            if (e.tag() == Der.CONTEXT_0) {
                Der.Element oid = e.children().get(0);
                curve = Der.encode(Der.OID, oid.value());
            }
        }
        if (curve == null) {
            throw new TlsSetupException("EC private key file " + file + " does not name its curve (no parameters)");
        }
        byte[] version = Der.encode(Der.INTEGER, new byte[] {0});
        byte[] algorithm = Der.encode(Der.SEQUENCE, Der.oid(EC_OID), curve);
        return Der.encode(Der.SEQUENCE, version, algorithm, Der.encode(Der.OCTET_STRING, sec1));
    }

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
