package io.dicomfind.dicom.net.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every TLS option of DCMTK findscu ("transport layer security (TLS) options"), as a value. Immutable; build with
 * {@link #builder()}, turn into sockets with {@link DicomTls#create(TlsOptions)}.
 *
 * <p>Secure by default: profile {@code +pg} (TLS 1.2 and 1.3 with the BCP 195 / RFC 9325 recommended suites), the
 * peer's certificate verified ({@code -rc}), no SNI sent ({@code --no-sni}).
 *
 * <table>
 * <caption>findscu option to builder method</caption>
 * <tr><td>{@code +tls key cert}</td><td>{@link Builder#keyAndCertificate(Path, Path)}</td></tr>
 * <tr><td>{@code +tla}</td><td>{@link Builder#anonymous()} (no own certificate)</td></tr>
 * <tr><td>{@code +ps / +pw p / -pw}</td><td>{@link Builder#password(PasswordSource)}</td></tr>
 * <tr><td>{@code -pem / -der}</td><td>{@link Builder#keyFileFormat(KeyFileFormat)}</td></tr>
 * <tr><td>{@code +cf f / +cd d}</td><td>{@link Builder#addTrustedCertificateFile(Path)},
 * {@link Builder#addTrustedCertificateDirectory(Path)}</td></tr>
 * <tr><td>{@code +crl f / +crv / +cra}</td><td>{@link Builder#addCrlFile(Path)}, {@link Builder#crlCheck(CrlCheck)}
 * </td></tr>
 * <tr><td>{@code +pg +pm +py +px +pz +pb +pa +pn}</td><td>{@link Builder#profile(TlsProfile)}</td></tr>
 * <tr><td>{@code +cs c}</td><td>{@link Builder#addCipherSuite(String)}</td></tr>
 * <tr><td>{@code --no-sni / --request-sni s}</td><td>{@link Builder#requestServerName(String)} (null: none)</td></tr>
 * <tr><td>{@code +rs f / +ws / +wf f}</td><td>{@link Builder#seedFile(Path)}, {@link Builder#writeSeed()},
 * {@link Builder#writeSeedFile(Path)}</td></tr>
 * <tr><td>{@code -rc / -ic}</td><td>{@link Builder#peerAuthentication(PeerAuthentication)}</td></tr>
 * </table>
 */
public final class TlsOptions {
    private final Path privateKeyFile;
    private final Path certificateFile;
    private final PasswordSource password;
    private final KeyFileFormat keyFileFormat;
    private final List<Path> trustedCertificateFiles;
    private final List<Path> trustedCertificateDirectories;
    private final List<Path> crlFiles;
    private final CrlCheck crlCheck;
    private final TlsProfile profile;
    private final List<String> additionalCipherSuites;
    private final String requestedServerName;
    private final String expectedServerName;
    private final Path seedFile;
    private final Path writeSeedFile;
    private final PeerAuthentication peerAuthentication;
    private final boolean verifyHostname;
    private final Duration handshakeTimeout;

    private TlsOptions(Builder b) {
        this.privateKeyFile = b.privateKeyFile;
        this.certificateFile = b.certificateFile;
        this.password = b.password;
        this.keyFileFormat = b.keyFileFormat;
        this.trustedCertificateFiles = List.copyOf(b.trustedCertificateFiles);
        this.trustedCertificateDirectories = List.copyOf(b.trustedCertificateDirectories);
        this.crlFiles = List.copyOf(b.crlFiles);
        this.crlCheck = b.crlCheck == CrlCheck.NONE && !b.crlFiles.isEmpty() ? CrlCheck.LEAF : b.crlCheck;
        this.profile = b.profile;
        this.additionalCipherSuites = List.copyOf(b.additionalCipherSuites);
        this.requestedServerName = b.requestedServerName;
        this.expectedServerName = b.expectedServerName;
        this.seedFile = b.seedFile;
        this.writeSeedFile = b.writeSeedFile;
        this.peerAuthentication = b.peerAuthentication;
        this.verifyHostname = b.verifyHostname;
        this.handshakeTimeout = b.handshakeTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code +tls}'s key file; null with {@code +tla}. */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** {@code +tls}'s certificate file (the certificate, optionally followed by its chain); null with {@code +tla}. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** {@code +tla}: no certificate of our own. */
    public boolean isAnonymous() {
        return privateKeyFile == null;
    }

    public PasswordSource password() {
        return password;
    }

    public KeyFileFormat keyFileFormat() {
        return keyFileFormat;
    }

    public List<Path> trustedCertificateFiles() {
        return trustedCertificateFiles;
    }

    public List<Path> trustedCertificateDirectories() {
        return trustedCertificateDirectories;
    }

    public List<Path> crlFiles() {
        return crlFiles;
    }

    /** The revocation check; {@link CrlCheck#LEAF} at least when a CRL file is given ({@code +crl} implies {@code +crv}). */
    public CrlCheck crlCheck() {
        return crlCheck;
    }

    public TlsProfile profile() {
        return profile;
    }

    /** {@code +cs}: suites added to the profile's, as given (IANA or OpenSSL names). */
    public List<String> additionalCipherSuites() {
        return additionalCipherSuites;
    }

    /** {@code --request-sni}: the server name sent in the SNI extension (RFC 6066 3); null: none ({@code --no-sni}). */
    public String requestedServerName() {
        return requestedServerName;
    }

    /** Server side: the only server name accepted in a client's SNI (as DCMTK's SCPs' {@code --expect-sni}); null: any. */
    public String expectedServerName() {
        return expectedServerName;
    }

    /** {@code +rs}: a seed file, mixed into the JVM's SecureRandom (which is seeded by the OS in any case). */
    public Path seedFile() {
        return seedFile;
    }

    /** {@code +ws}/{@code +wf}: where fresh random bytes are written back; null: nowhere. */
    public Path writeSeedFile() {
        return writeSeedFile;
    }

    public PeerAuthentication peerAuthentication() {
        return peerAuthentication;
    }

    /**
     * Whether a client also checks the server certificate's names (subjectAltName DNS/IP, RFC 6125) against the host
     * it connected to. Off by default, as in DCMTK: DICOM peers are authenticated by their certificate's trust chain.
     */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** Longest time for the TLS handshake after the TCP connection is up. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    @Override
    public String toString() {
        return "TlsOptions[" + profile.option() + (isAnonymous() ? ", anonymous" : ", key " + privateKeyFile
                + ", certificate " + certificateFile) + ", trusted " + trustedCertificateFiles
                + trustedCertificateDirectories + ", CRL " + crlCheck + crlFiles + ", peer " + peerAuthentication
                + (additionalCipherSuites.isEmpty() ? "" : ", +cs " + additionalCipherSuites)
                + (requestedServerName == null ? "" : ", SNI " + requestedServerName) + "]";
    }

    /** Fluent builder; {@link #build()} checks the combinations findscu checks. */
    public static final class Builder {
        private Path privateKeyFile;
        private Path certificateFile;
        private PasswordSource password = PasswordSource.prompt();
        private boolean passwordGiven;
        private KeyFileFormat keyFileFormat = KeyFileFormat.PEM;
        private final List<Path> trustedCertificateFiles = new ArrayList<>();
        private final List<Path> trustedCertificateDirectories = new ArrayList<>();
        private final List<Path> crlFiles = new ArrayList<>();
        private CrlCheck crlCheck = CrlCheck.NONE;
        private TlsProfile profile = TlsProfile.defaultProfile();
        private final List<String> additionalCipherSuites = new ArrayList<>();
        private String requestedServerName;
        private String expectedServerName;
        private Path seedFile;
        private boolean writeSeed;
        private Path writeSeedFile;
        private PeerAuthentication peerAuthentication = PeerAuthentication.REQUIRE;
        private boolean verifyHostname;
        private Duration handshakeTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** {@code +tls key cert}: authenticate with this private key and certificate (chain). */
        public Builder keyAndCertificate(Path privateKeyFile, Path certificateFile) {
            this.privateKeyFile = Objects.requireNonNull(privateKeyFile, "private key file");
            this.certificateFile = Objects.requireNonNull(certificateFile, "certificate file");
            return this;
        }

        /** {@code +tla}: no certificate of our own (a server that requires one will refuse us). */
        public Builder anonymous() {
            this.privateKeyFile = null;
            this.certificateFile = null;
            return this;
        }

        /** {@code +ps} (default, {@link PasswordSource#prompt()}), {@code +pw}, {@code -pw}. */
        public Builder password(PasswordSource source) {
            this.password = Objects.requireNonNull(source, "password source");
            this.passwordGiven = true;
            return this;
        }

        /** {@code -pem} (default) or {@code -der}. */
        public Builder keyFileFormat(KeyFileFormat format) {
            this.keyFileFormat = Objects.requireNonNull(format, "key file format");
            return this;
        }

        /** {@code +cf}: trust the certificate(s) in this file. */
        public Builder addTrustedCertificateFile(Path file) {
            trustedCertificateFiles.add(Objects.requireNonNull(file, "certificate file"));
            return this;
        }

        /** {@code +cd}: trust every certificate in the files of this directory (its CRLs are used as well). */
        public Builder addTrustedCertificateDirectory(Path dir) {
            trustedCertificateDirectories.add(Objects.requireNonNull(dir, "certificate directory"));
            return this;
        }

        /** {@code +crl}: a CRL file (PEM or DER); implies {@code +crv} unless {@code +cra}. */
        public Builder addCrlFile(Path file) {
            crlFiles.add(Objects.requireNonNull(file, "CRL file"));
            return this;
        }

        /** {@code +crv} ({@link CrlCheck#LEAF}) or {@code +cra} ({@link CrlCheck#CHAIN}). */
        public Builder crlCheck(CrlCheck check) {
            this.crlCheck = Objects.requireNonNull(check, "CRL check");
            return this;
        }

        /** {@code +pg} (default) ... {@code +pn}. */
        public Builder profile(TlsProfile profile) {
            this.profile = Objects.requireNonNull(profile, "TLS profile");
            return this;
        }

        /** {@code +cs}: add a suite (IANA or OpenSSL name) to the profile's; checked by {@link DicomTls#create}. */
        public Builder addCipherSuite(String suite) {
            Objects.requireNonNull(suite, "cipher suite");
            additionalCipherSuites.add(suite);
            return this;
        }

        /** {@code --request-sni name}; null for {@code --no-sni} (default: no SNI, even when connecting by name). */
        public Builder requestServerName(String name) {
            this.requestedServerName = name == null || name.isBlank() ? null : name.trim();
            return this;
        }

        /** Server side: refuse clients whose SNI names another server (unrecognized_name alert, RFC 6066 3). */
        public Builder expectServerName(String name) {
            this.expectedServerName = name == null || name.isBlank() ? null : name.trim();
            return this;
        }

        /** {@code +rs}. */
        public Builder seedFile(Path file) {
            this.seedFile = file;
            return this;
        }

        /** {@code +ws}: write fresh random bytes back to the seed file. */
        public Builder writeSeed() {
            this.writeSeed = true;
            return this;
        }

        /** {@code +wf}: write fresh random bytes to this file. */
        public Builder writeSeedFile(Path file) {
            this.writeSeedFile = file;
            return this;
        }

        /** {@code -rc} (default) or {@code -ic}; for a server also {@link PeerAuthentication#VERIFY_IF_PRESENT}. */
        public Builder peerAuthentication(PeerAuthentication a) {
            this.peerAuthentication = Objects.requireNonNull(a, "peer authentication");
            return this;
        }

        /** Also check the server certificate's names against the host connected to (off by default). */
        public Builder verifyHostname(boolean b) {
            this.verifyHostname = b;
            return this;
        }

        /** Longest time for the handshake (default 30 s, findscu's ACSE timeout). */
        public Builder handshakeTimeout(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("TLS handshake timeout must be positive, was " + d);
            }
            this.handshakeTimeout = d;
            return this;
        }

        /**
         * @throws IllegalArgumentException a combination findscu refuses, named with its options
         */
        public TlsOptions build() {
            if (passwordGiven && privateKeyFile == null) {
                throw new IllegalArgumentException("+ps/+pw/-pw are only allowed with +tls (there is no private key "
                        + "with +tla)");
            }
            if ((writeSeed || writeSeedFile != null) && seedFile == null) {
                throw new IllegalArgumentException("+ws and +wf are only allowed with +rs");
            }
            if (writeSeed && writeSeedFile == null) {
                writeSeedFile = seedFile;
            }
            if (!additionalCipherSuites.isEmpty() && !profile.allowsAdditionalSuites()) {
                throw new IllegalArgumentException("+cs is not allowed with " + profile
                        + ": its cipher suites are fixed");
            }
            if (verifyHostname && peerAuthentication == PeerAuthentication.IGNORE) {
                throw new IllegalArgumentException("host name verification needs peer verification (-rc), not -ic");
            }
            return new TlsOptions(this);
        }
    }
}
