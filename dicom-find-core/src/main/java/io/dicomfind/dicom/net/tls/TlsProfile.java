package io.dicomfind.dicom.net.tls;

import java.util.List;

/**
 * The DICOM Secure Transport Connection Profiles of PS3.15 Annex B that findscu offers ({@code +pg +pm +py +px +pz
 * +pb +pa +pn}), each as the TLS protocol versions and cipher suites it defines.
 *
 * <p>Cipher suites are IANA names (which JSSE uses). For TLS 1.3 the suites are separate (RFC 8446 9.1); where a
 * profile names none, the TLS 1.3 suites the JVM implements are offered (AES-GCM and ChaCha20-Poly1305).
 * {@link #optionalSuites()} are offered when the JVM has them and silently left out otherwise (the retired profiles'
 * backwards compatibility with 3DES). {@link #requiredSuites()} must all be available, else the profile cannot be
 * used in this JVM and {@link DicomTls#create(TlsOptions)} says which suite is missing and why.
 */
public enum TlsProfile {
    /**
     * {@code +pg} (default): BCP 195 as revised in 2021 — RFC 8996 (no TLS 1.0/1.1) and the RFC 9325 recommended
     * suites: ECDHE with AES-GCM, RSA or ECDSA certificates. TLS 1.2 and 1.3.
     */
    BCP195_RFC8996("+pg", "--profile-8996", "BCP 195 RFC 8996 TLS Profile", false,
            List.of("TLSv1.3", "TLSv1.2"),
            List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            List.of(), Tls13.JVM_DEFAULT, ExtraSuites.ENCRYPTED_NO_SHA1),
    /**
     * {@code +pm}: the modified BCP 195 RFC 8996 profile, which requires every RFC 9325 suite including AES-CCM
     * (TLS 1.2 and TLS 1.3). JSSE does not implement AES-CCM, so this profile is refused in such JVMs.
     */
    BCP195_RFC8996_MODIFIED("+pm", "--profile-8996-mod", "Modified BCP 195 RFC 8996 TLS Profile", false,
            List.of("TLSv1.3", "TLSv1.2"),
            List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
                    "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256",
                    "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"),
            List.of(), Tls13.LISTED, ExtraSuites.NONE),
    /** {@code +py} (retired): non-downgrading BCP 195 — TLS 1.2 and 1.3 only, ECDHE/DHE with RSA and AES-GCM. */
    BCP195_NON_DOWNGRADING("+py", "--profile-bcp195-nd", "Non-downgrading BCP 195 TLS Profile", true,
            List.of("TLSv1.3", "TLSv1.2"),
            List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            List.of(), Tls13.JVM_DEFAULT, ExtraSuites.ENCRYPTED),
    /**
     * {@code +px} (retired): BCP 195 (2015) — the {@code +py} suites plus TLS_RSA_WITH_AES_128_CBC_SHA (and 3DES when
     * available) for older peers, and TLS 1.0/1.1 fallback, which this JVM only allows when its security policy does.
     */
    BCP195("+px", "--profile-bcp195", "BCP 195 TLS Profile", true,
            List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"),
            List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_RSA_WITH_AES_128_CBC_SHA"),
            List.of("SSL_RSA_WITH_3DES_EDE_CBC_SHA"), Tls13.JVM_DEFAULT, ExtraSuites.ENCRYPTED),
    /** {@code +pz} (retired): extended BCP 195 — TLS 1.2 only, the {@code +py} suites plus ECDHE-ECDSA AES-GCM. */
    BCP195_EXTENDED("+pz", "--profile-bcp195-ex", "Extended BCP 195 TLS Profile", true,
            List.of("TLSv1.2"),
            List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            List.of(), Tls13.NONE, ExtraSuites.NONE),
    /** {@code +pb} (retired): Basic TLS — TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS up to 1.2. */
    BASIC("+pb", "--profile-basic", "Basic TLS Secure Transport Connection Profile", true,
            List.of("TLSv1.2", "TLSv1.1", "TLSv1"),
            List.of("SSL_RSA_WITH_3DES_EDE_CBC_SHA"),
            List.of(), Tls13.NONE, ExtraSuites.ENCRYPTED),
    /** {@code +pa} (retired): AES TLS — TLS_RSA_WITH_AES_128_CBC_SHA (and 3DES when available), TLS up to 1.2. */
    AES("+pa", "--profile-aes", "AES TLS Secure Transport Connection Profile", true,
            List.of("TLSv1.2", "TLSv1.1", "TLSv1"),
            List.of("TLS_RSA_WITH_AES_128_CBC_SHA"),
            List.of("SSL_RSA_WITH_3DES_EDE_CBC_SHA"), Tls13.NONE, ExtraSuites.ENCRYPTED),
    /**
     * {@code +pn} (retired, IHE ATNA): authenticated but unencrypted — TLS_RSA_WITH_NULL_SHA. JVMs disable NULL
     * suites by default ({@code jdk.tls.disabledAlgorithms}), so this profile is normally refused.
     */
    NULL_ENCRYPTION("+pn", "--profile-null", "Authenticated unencrypted communication", true,
            List.of("TLSv1.2", "TLSv1.1", "TLSv1"),
            List.of("SSL_RSA_WITH_NULL_SHA"),
            List.of(), Tls13.NONE, ExtraSuites.ANY);

    /** How a profile treats TLS 1.3 suites. */
    enum Tls13 {
        /** TLS 1.3 is not part of the profile. */
        NONE,
        /** The TLS 1.3 suites the JVM enables by default. */
        JVM_DEFAULT,
        /** Exactly the TLS 1.3 suites in the required list. */
        LISTED
    }

    /** Which suites {@code +cs} may add to the profile (findscu refuses the rest). */
    enum ExtraSuites {
        /** None: the profile's list is fixed. */
        NONE,
        /** Any suite that encrypts (no NULL cipher). */
        ENCRYPTED,
        /** Any suite that encrypts and does not use SHA-1 as its MAC (RFC 9325 4.2). */
        ENCRYPTED_NO_SHA1,
        /** Anything. */
        ANY
    }

    private final String option;
    private final String longOption;
    private final String title;
    private final boolean retired;
    private final List<String> protocols;
    private final List<String> requiredSuites;
    private final List<String> optionalSuites;
    private final Tls13 tls13;
    private final ExtraSuites extraSuites;

    TlsProfile(String option, String longOption, String title, boolean retired, List<String> protocols,
            List<String> requiredSuites, List<String> optionalSuites, Tls13 tls13, ExtraSuites extraSuites) {
        this.option = option;
        this.longOption = longOption;
        this.title = title;
        this.retired = retired;
        this.protocols = protocols;
        this.requiredSuites = requiredSuites;
        this.optionalSuites = optionalSuites;
        this.tls13 = tls13;
        this.extraSuites = extraSuites;
    }

    /** The default profile, {@code +pg}. */
    public static TlsProfile defaultProfile() {
        return BCP195_RFC8996;
    }

    /** findscu's short option, e.g. {@code +pg}. */
    public String option() {
        return option;
    }

    /** findscu's long option, e.g. {@code --profile-8996}. */
    public String longOption() {
        return longOption;
    }

    /** The profile's name in PS3.15 Annex B. */
    public String title() {
        return title;
    }

    /** Retired from PS3.15 (findscu still offers it). */
    public boolean isRetired() {
        return retired;
    }

    /** The TLS versions the profile allows, newest first (JSSE names). */
    public List<String> protocols() {
        return protocols;
    }

    /** Suites that must all be available (JSSE names), in order of preference. */
    public List<String> requiredSuites() {
        return requiredSuites;
    }

    /** Suites offered only when available. */
    public List<String> optionalSuites() {
        return optionalSuites;
    }

    Tls13 tls13() {
        return tls13;
    }

    ExtraSuites extraSuites() {
        return extraSuites;
    }

    /** Whether {@code +cs} may add suites to this profile. */
    public boolean allowsAdditionalSuites() {
        return extraSuites != ExtraSuites.NONE;
    }

    /** Looks a profile up by findscu option ({@code +pg}, {@code --profile-8996}) or by enum name, any case. */
    public static TlsProfile of(String name) {
        for (TlsProfile p : values()) {
            if (p.option.equals(name) || p.longOption.equals(name) || p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown TLS profile '" + name + "'; known: " + known());
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        for (TlsProfile p : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.name()).append(" (").append(p.option).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return title + " (" + option + ")";
    }
}
