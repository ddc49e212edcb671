package io.dicomfind.dicom.net.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The private key of {@code +tls}, read with BouncyCastle's bcpkix as OpenSSL (and so findscu) reads it: PEM (RFC
 * 7468) {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (RFC 5958 3: PBES2 with PBKDF2 or scrypt and
 * AES or 3DES, PKCS#12 PBE), {@code RSA PRIVATE KEY} (PKCS#1, RFC 8017 A.1.2) and {@code EC PRIVATE KEY} (SEC1, RFC
 * 5915), the last two also in OpenSSL's legacy encrypted form ({@code Proc-Type: 4,ENCRYPTED}, {@code DEK-Info});
 * with {@code -der} the same structures in binary. Only {@link KeyFiles} calls this class, after checking that
 * BouncyCastle is on the class path: nothing else loads a BouncyCastle class.
 *
 * <p>The keys themselves are made by the JDK's key factories, as before. BouncyCastle's provider is used only to
 * decrypt, is created on the first encrypted key, and is never installed in the JVM's provider list.
 */
final class PrivateKeyReader {
    private static Provider provider;

    private PrivateKeyReader() {
    }

    private static synchronized Provider provider() {
        if (provider == null) {
            provider = new BouncyCastleProvider();
        }
        return provider;
    }

    static PrivateKey read(byte[] content, Path file, KeyFileFormat format, PasswordSource password)
            throws TlsSetupException {
        PrivateKeyInfo info = format == KeyFileFormat.DER ? fromDer(content, file, password)
                : fromPem(content, file, password);
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new TlsSetupException("private key file " + file + ": key algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + " is not supported by this JVM ("
                    + e.getMessage() + ")", e);
        }
    }

    private static PrivateKeyInfo fromPem(byte[] content, Path file, PasswordSource password)
            throws TlsSetupException {
        try (PEMParser pem = new PEMParser(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.ISO_8859_1))) {
            while (true) {
                Object o;
                try {
                    o = pem.readObject();
                } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).startsWith("unrecognised object")) {
                        continue; // a block no key file needs, as OpenSSL skips it
                    }
                    throw e;
                }
                if (o == null) {
                    break;
                }
                if (o instanceof PrivateKeyInfo info) {
                    return info;
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return decrypt(encrypted, file, password);
                } else if (o instanceof PEMKeyPair pair) {
                    return pair.getPrivateKeyInfo();
                } else if (o instanceof PEMEncryptedKeyPair encrypted) {
                    return decrypt(encrypted, file, password);
                }
                // certificates, EC PARAMETERS next to the key: skip
            }
        } catch (TlsSetupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException("private key file " + file + " is malformed: " + e.getMessage(), e);
        }
        throw new TlsSetupException("private key file " + file + " holds no PEM private key (expected -----BEGIN "
                + "PRIVATE KEY-----, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY"
                + (content.length > 2 && content[0] == 0x30 ? "; it looks like DER: use -der" : "") + ")");
    }

    /** {@code -der}: which structure it is, told apart by its first fields as OpenSSL's d2i_PrivateKey does. */
    private static PrivateKeyInfo fromDer(byte[] der, Path file, PasswordSource password) throws TlsSetupException {
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(der);
        } catch (RuntimeException e) {
            throw new TlsSetupException("private key file " + file + " is not DER (" + e.getMessage() + ")"
                    + (new String(der, 0, Math.min(der.length, 11), StandardCharsets.ISO_8859_1)
                            .startsWith("-----BEGIN") ? "; it is PEM: use -pem" : ""), e);
        }
        try {
            ASN1Encodable first = seq.size() > 0 ? seq.getObjectAt(0) : null;
            ASN1Encodable second = seq.size() > 1 ? seq.getObjectAt(1) : null;
            if (seq.size() == 2 && first instanceof ASN1Sequence && second instanceof ASN1OctetString) {
                return decrypt(new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(seq)), file,
                        password);
            }
            if (seq.size() >= 3 && first instanceof ASN1Integer && second instanceof ASN1Sequence) {
                return PrivateKeyInfo.getInstance(seq);
            }
            if (seq.size() >= 9 && isInteger(first, 0) && second instanceof ASN1Integer) {
                return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                        DERNull.INSTANCE), RSAPrivateKey.getInstance(seq));
            }
            if (seq.size() >= 2 && isInteger(first, 1) && second instanceof ASN1OctetString) {
                ECPrivateKey ec = ECPrivateKey.getInstance(seq);
                if (ec.getParametersObject() == null) {
                    throw new TlsSetupException("EC private key file " + file + " does not name its curve (no "
                            + "parameters)");
                }
                return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                        ec.getParametersObject()), ec);
            }
        } catch (TlsSetupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException("private key file " + file + " is malformed: " + e.getMessage(), e);
        }
        throw new TlsSetupException("private key file " + file + " is DER but not a PKCS#8, PKCS#1 or SEC1 private "
                + "key");
    }

    private static boolean isInteger(ASN1Encodable e, int value) {
        return e instanceof ASN1Integer i && i.hasValue(value);
    }

    /** Encrypted PKCS#8: the scheme is checked first, so that any failure after it means a wrong password. */
    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, Path file, PasswordSource password)
            throws TlsSetupException {
        AlgorithmIdentifier scheme = encrypted.getEncryptionAlgorithm();
        char[] pw = askPassword(password, file);
        if (pw.length == 0) {
            return decryptWithEmptyPassword(encrypted, file);
        }
        try {
            InputDecryptor decryptor;
            try {
                decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(provider()).build(pw)
                        .get(scheme);
            } catch (OperatorCreationException | RuntimeException e) {
                throw new TlsSetupException("private key file " + file + " is encrypted with " + describe(scheme)
                        + ", which is not supported (" + e.getMessage() + "); re-encrypt it, e.g. openssl pkcs8 "
                        + "-topk8 -v2 aes-256-cbc", e);
            }
            return encrypted.decryptPrivateKeyInfo(algorithm -> decryptor);
        } catch (PKCSException | RuntimeException e) {
            throw wrongPassword(file, e);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /**
     * {@code -pw} on encrypted PKCS#8: OpenSSL encrypts and decrypts with an empty password, BouncyCastle's PBKDF2
     * refuses one, the JDK's PBE ciphers (PBES2 with AES, PKCS#12 PBE) take it.
     */
    private static PrivateKeyInfo decryptWithEmptyPassword(PKCS8EncryptedPrivateKeyInfo encrypted, Path file)
            throws TlsSetupException {
        try {
            javax.crypto.EncryptedPrivateKeyInfo info = new javax.crypto.EncryptedPrivateKeyInfo(
                    encrypted.getEncoded());
            AlgorithmParameters params = info.getAlgParameters();
            // for PBES2 the JDK names the scheme only through its parameters (e.g. PBEWithHmacSHA256AndAES_256)
            String scheme = params != null && "PBES2".equalsIgnoreCase(info.getAlgName()) ? params.toString()
                    : info.getAlgName();
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme)
                    .generateSecret(new PBEKeySpec(new char[0])), params);
            return PrivateKeyInfo.getInstance(info.getKeySpec(cipher).getEncoded());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw wrongPassword(file, e);
        }
    }

    /** The algorithm and, for PBES2 (RFC 8018 A.4), the encryption scheme inside it. */
    private static String describe(AlgorithmIdentifier scheme) {
        if (PKCSObjectIdentifiers.id_PBES2.equals(scheme.getAlgorithm())) {
            return "PBES2 with " + PBES2Parameters.getInstance(scheme.getParameters())
                    .getEncryptionScheme().getAlgorithm();
        }
        return scheme.getAlgorithm().getId();
    }

    /**
     * OpenSSL's legacy PEM encryption (RFC 1421 headers: {@code DEK-Info: CIPHER,IV}, key from EVP_BytesToKey with
     * MD5). BouncyCastle reports a cipher it does not know without a cause, and every decryption failure with one.
     */
    private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, Path file, PasswordSource password)
            throws TlsSetupException {
        char[] pw = askPassword(password, file);
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(provider()).build(pw))
                    .getPrivateKeyInfo();
        } catch (EncryptionException e) {
            if (e.getCause() == null) {
                throw new TlsSetupException("private key file " + file + " uses OpenSSL's legacy encryption with "
                        + encrypted.getDekAlgName() + ", which is not supported (AES-128/192/256, DES-EDE3 and DES "
                        + "are); convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in OLD -out NEW", e);
            }
            throw wrongPassword(file, e);
        } catch (IOException | RuntimeException e) {
            throw wrongPassword(file, e);
        } finally {
            Arrays.fill(pw, '\0');
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
}
