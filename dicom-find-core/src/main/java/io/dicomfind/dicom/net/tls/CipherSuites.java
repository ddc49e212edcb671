package io.dicomfind.dicom.net.tls;

import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Cipher suite names: IANA (RFC 8446 B.4, the TLS registry), OpenSSL's own names (as DCMTK and {@code openssl
 * ciphers} print them) and JSSE's names, which are IANA's except for a few legacy {@code SSL_} aliases. And what this
 * JVM can use: its supported suites and protocols after its security policy ({@code jdk.tls.disabledAlgorithms}).
 */
public final class CipherSuites {
    /** JSSE keeps SSL_ names for some suites registered before TLS existed. */
    private static final Map<String, String> IANA_TO_JSSE = Map.of(
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA",
            "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
            "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
            "TLS_RSA_WITH_NULL_SHA", "SSL_RSA_WITH_NULL_SHA",
            "TLS_RSA_WITH_NULL_MD5", "SSL_RSA_WITH_NULL_MD5");

    /** OpenSSL name, IANA name: the suites JSSE implements and those the DICOM profiles name. */
    private static final String OPENSSL_NAMES = """
            TLS_AES_128_GCM_SHA256 TLS_AES_128_GCM_SHA256
            TLS_AES_256_GCM_SHA384 TLS_AES_256_GCM_SHA384
            TLS_CHACHA20_POLY1305_SHA256 TLS_CHACHA20_POLY1305_SHA256
            TLS_AES_128_CCM_SHA256 TLS_AES_128_CCM_SHA256
            TLS_AES_128_CCM_8_SHA256 TLS_AES_128_CCM_8_SHA256
            DHE-DSS-AES128-SHA TLS_DHE_DSS_WITH_AES_128_CBC_SHA
            DHE-DSS-AES128-SHA256 TLS_DHE_DSS_WITH_AES_128_CBC_SHA256
            DHE-DSS-AES128-GCM-SHA256 TLS_DHE_DSS_WITH_AES_128_GCM_SHA256
            DHE-DSS-AES256-SHA TLS_DHE_DSS_WITH_AES_256_CBC_SHA
            DHE-DSS-AES256-SHA256 TLS_DHE_DSS_WITH_AES_256_CBC_SHA256
            DHE-DSS-AES256-GCM-SHA384 TLS_DHE_DSS_WITH_AES_256_GCM_SHA384
            DHE-RSA-AES128-SHA TLS_DHE_RSA_WITH_AES_128_CBC_SHA
            DHE-RSA-AES128-SHA256 TLS_DHE_RSA_WITH_AES_128_CBC_SHA256
            DHE-RSA-AES128-GCM-SHA256 TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
            DHE-RSA-AES256-SHA TLS_DHE_RSA_WITH_AES_256_CBC_SHA
            DHE-RSA-AES256-SHA256 TLS_DHE_RSA_WITH_AES_256_CBC_SHA256
            DHE-RSA-AES256-GCM-SHA384 TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
            DHE-RSA-CHACHA20-POLY1305 TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256
            ECDHE-ECDSA-AES128-SHA TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
            ECDHE-ECDSA-AES128-SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256
            ECDHE-ECDSA-AES128-GCM-SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            ECDHE-ECDSA-AES128-CCM TLS_ECDHE_ECDSA_WITH_AES_128_CCM
            ECDHE-ECDSA-AES128-CCM8 TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8
            ECDHE-ECDSA-AES256-SHA TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
            ECDHE-ECDSA-AES256-SHA384 TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384
            ECDHE-ECDSA-AES256-GCM-SHA384 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
            ECDHE-ECDSA-AES256-CCM TLS_ECDHE_ECDSA_WITH_AES_256_CCM
            ECDHE-ECDSA-AES256-CCM8 TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8
            ECDHE-ECDSA-CHACHA20-POLY1305 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
            ECDHE-RSA-AES128-SHA TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
            ECDHE-RSA-AES128-SHA256 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
            ECDHE-RSA-AES128-GCM-SHA256 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            ECDHE-RSA-AES256-SHA TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
            ECDHE-RSA-AES256-SHA384 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
            ECDHE-RSA-AES256-GCM-SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
            ECDHE-RSA-CHACHA20-POLY1305 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
            AES128-SHA TLS_RSA_WITH_AES_128_CBC_SHA
            AES128-SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256
            AES128-GCM-SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256
            AES256-SHA TLS_RSA_WITH_AES_256_CBC_SHA
            AES256-SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256
            AES256-GCM-SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384
            DES-CBC3-SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA
            NULL-SHA TLS_RSA_WITH_NULL_SHA
            NULL-SHA256 TLS_RSA_WITH_NULL_SHA256
            """;

    private static final Map<String, String> OPENSSL_TO_IANA = new HashMap<>();

    static {
        for (String line : OPENSSL_NAMES.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                OPENSSL_TO_IANA.put(f[0], f[1]);
            }
        }
    }

    private CipherSuites() {
    }

    /**
     * The JSSE name of a suite given by its IANA, OpenSSL or JSSE name ({@code +cs}). Unknown OpenSSL-style names
     * are refused with the accepted forms named.
     *
     * @throws IllegalArgumentException the name is neither an IANA/JSSE name nor a known OpenSSL name
     */
    public static String toJsse(String name) {
        String n = name.trim();
        if (n.startsWith("TLS_") || n.startsWith("SSL_")) {
            String upper = n.toUpperCase(Locale.ROOT).replace("_ANON_", "_anon_");
            return IANA_TO_JSSE.getOrDefault(upper, upper);
        }
        String iana = OPENSSL_TO_IANA.get(n.toUpperCase(Locale.ROOT));
        if (iana == null) {
            throw new IllegalArgumentException("unknown cipher suite '" + name + "': give its IANA name (e.g. "
                    + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) or OpenSSL name (e.g. ECDHE-RSA-AES128-GCM-SHA256); "
                    + "+cc lists the suites this JVM supports");
        }
        return IANA_TO_JSSE.getOrDefault(iana, iana);
    }

    /** The IANA name of a JSSE suite name (they differ only for the legacy {@code SSL_} names). */
    public static String toIana(String jsseName) {
        for (Map.Entry<String, String> e : IANA_TO_JSSE.entrySet()) {
            if (e.getValue().equals(jsseName)) {
                return e.getKey();
            }
        }
        return jsseName;
    }

    /** The OpenSSL name of a suite, or null when the table has none. */
    public static String toOpenSsl(String jsseName) {
        String iana = toIana(jsseName);
        for (Map.Entry<String, String> e : OPENSSL_TO_IANA.entrySet()) {
            if (e.getValue().equals(iana)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The suites this JVM can negotiate (implemented and not disabled by its security policy), in its order. */
    public static List<String> available() {
        return List.of(defaultContext().getSupportedSSLParameters().getCipherSuites()).stream()
                .filter(s -> !s.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")).toList();
    }

    /** The protocol versions this JVM can negotiate (implemented and not disabled), newest first. */
    public static List<String> availableProtocols() {
        Set<String> disabled = disabledTokens();
        List<String> out = new ArrayList<>();
        for (String p : defaultContext().getSupportedSSLParameters().getProtocols()) {
            if (!p.equals("SSLv2Hello") && !disabled.contains(p.toUpperCase(Locale.ROOT))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Why a suite or protocol is not available, in words, for error messages. */
    static String whyUnavailable(String jsseName) {
        String upper = jsseName.toUpperCase(Locale.ROOT);
        for (String token : disabledTokens()) {
            if (upper.equals(token) || upper.contains("_" + token + "_")) {
                return "disabled by this JVM's security policy (jdk.tls.disabledAlgorithms contains " + token + ")";
            }
        }
        return "not implemented by this JVM's TLS provider";
    }

    /** The entries of {@code jdk.tls.disabledAlgorithms}, upper case, without their constraints. */
    static Set<String> disabledTokens() {
        String prop = Security.getProperty("jdk.tls.disabledAlgorithms");
        Set<String> out = new LinkedHashSet<>();
        if (prop != null) {
            Arrays.stream(prop.split(",")).map(String::trim).map(s -> s.split("\\s")[0])
                    .map(s -> s.toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    /** Whether a suite encrypts (not a NULL cipher). */
    static boolean encrypts(String jsseName) {
        return !jsseName.contains("_WITH_NULL_");
    }

    /** Whether a TLS 1.2-or-older suite authenticates records with HMAC-SHA-1 (its name ends in {@code _SHA}). */
    static boolean usesSha1Mac(String jsseName) {
        return jsseName.endsWith("_SHA");
    }

    /** Whether the suite is a TLS 1.3 suite (RFC 8446 B.4: no key exchange or authentication in the name). */
    static boolean isTls13(String jsseName) {
        return jsseName.startsWith("TLS_") && !jsseName.contains("_WITH_");
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS implementation", e);
        }
    }
}
