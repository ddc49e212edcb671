package io.dicomfind.dicom.net.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DICOM TLS (PS3.15 Annex B) for associations: an {@link SSLContext} built from {@link TlsOptions} with the JDK
 * alone, and the socket factories that use it with the profile's protocols and cipher suites.
 *
 * <pre>{@code
 * DicomTls tls = DicomTls.create(TlsOptions.builder()
 *         .keyAndCertificate(Path.of("client.key"), Path.of("client.crt"))
 *         .addTrustedCertificateFile(Path.of("ca.crt")).build());
 * AssociationConfig cfg = AssociationConfig.builder("pacs", 2762).socketFactory(tls.socketFactory()).build();
 * }</pre>
 *
 * Clients: {@link #socketFactory()} runs the handshake while connecting and reports failures as
 * {@link TlsHandshakeException}s in words. Servers: {@link #serverSocketFactory()}. Immutable and thread-safe.
 */
public final class DicomTls {
    private static final Logger LOG = LoggerFactory.getLogger(DicomTls.class);
    private static final int SEED_BYTES = 1024;
    private static final long MAX_SEED_READ = 1 << 20;

    private final SSLContext context;
    private final TlsProfile profile;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final SSLParameters clientParameters;
    private final SSLParameters serverParameters;
    private final OwnKeyManager keys;
    private final Duration handshakeTimeout;
    private final List<Consumer<SSLSession>> listeners = new CopyOnWriteArrayList<>();

    private DicomTls(SSLContext context, TlsProfile profile, List<String> protocols, List<String> cipherSuites,
            SSLParameters clientParameters, SSLParameters serverParameters, OwnKeyManager keys,
            Duration handshakeTimeout) {
        this.context = context;
        this.profile = profile;
        this.protocols = List.copyOf(protocols);
        this.cipherSuites = List.copyOf(cipherSuites);
        this.clientParameters = clientParameters;
        this.serverParameters = serverParameters;
        this.keys = keys;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Reads the key, certificates and CRLs, checks the profile and cipher suites against this JVM and builds the
     * context.
     *
     * @throws TlsSetupException a file cannot be read or parsed, a wrong key password, a key that does not match its
     *                           certificate, a profile or suite this JVM cannot provide, no trusted certificates
     *                           while peers are to be verified — each named with its option
     */
    public static DicomTls create(TlsOptions options) throws TlsSetupException {
        Objects.requireNonNull(options, "TLS options");
        TlsProfile profile = options.profile();
        List<String> protocols = protocols(profile);
        List<String> suites = cipherSuites(profile, options.additionalCipherSuites(), protocols);

        OwnKeyManager keys = ownKey(options);
        PeerVerifier verifier = verifier(options);
        SecureRandom random = random(options);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, new TrustManager[] {verifier}, random);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up TLS: " + e.getMessage(), e);
        }

        SSLParameters client = new SSLParameters(suites.toArray(new String[0]), protocols.toArray(new String[0]));
        List<SNIServerName> sni = new ArrayList<>();
        if (options.requestedServerName() != null) {
            try {
                String name = options.requestedServerName();
                if (name.matches("[0-9.]+") || name.contains(":")) {
                    throw new IllegalArgumentException("an IP address literal");
                }
                sni.add(new SNIHostName(name));
            } catch (IllegalArgumentException e) {
                throw new TlsSetupException("--request-sni: '" + options.requestedServerName() + "' is not a host "
                        + "name SNI can carry (RFC 6066 3: a DNS name, not an IP address): " + e.getMessage(), e);
            }
        }
        client.setServerNames(sni);
        client.setEndpointIdentificationAlgorithm(null); // names are checked by PeerVerifier if asked to

        SSLParameters server = new SSLParameters(suites.toArray(new String[0]), protocols.toArray(new String[0]));
        server.setUseCipherSuitesOrder(true); // BCP 195: the server picks the strongest suite it supports
        switch (options.peerAuthentication()) {
            case REQUIRE -> server.setNeedClientAuth(true);
            case VERIFY_IF_PRESENT -> server.setWantClientAuth(true);
            case IGNORE -> server.setNeedClientAuth(false);
        }
        if (options.expectedServerName() != null) {
            List<SNIMatcher> matchers = List.of(SNIHostName.createSNIMatcher(
                    java.util.regex.Pattern.quote(options.expectedServerName())));
            server.setSNIMatchers(matchers);
        }
        if (options.peerAuthentication() == PeerAuthentication.IGNORE) {
            LOG.warn("TLS peer verification is OFF (-ic): connections are encrypted but the peer is not "
                    + "authenticated; anyone can pretend to be it");
        }
        LOG.debug("TLS {}: protocols {}, cipher suites {}, {}", profile, protocols, suites,
                keys.hasCertificate() ? "certificate '" + keys.certificate().getSubjectX500Principal().getName() + "'"
                        : "no certificate (anonymous)");
        return new DicomTls(context, profile, protocols, suites, client, server, keys, options.handshakeTimeout());
    }

    /**
     * Wraps an {@link SSLContext} configured elsewhere (e.g. Camel's {@code SSLContextParameters}) to get the same
     * handshake-at-connect and failure messages. With a profile, its protocols and suites are applied to every
     * socket; without (null), the context's own defaults apply.
     */
    public static DicomTls of(SSLContext context, TlsProfile profile, Duration handshakeTimeout)
            throws TlsSetupException {
        Objects.requireNonNull(context, "SSL context");
        SSLParameters defaults = context.getDefaultSSLParameters();
        List<String> protocols = profile == null ? List.of(defaults.getProtocols()) : protocols(profile);
        List<String> suites = profile == null ? List.of(defaults.getCipherSuites())
                : cipherSuites(profile, List.of(), protocols);
        SSLParameters client = new SSLParameters(suites.toArray(new String[0]), protocols.toArray(new String[0]));
        client.setServerNames(List.of());
        SSLParameters server = new SSLParameters(suites.toArray(new String[0]), protocols.toArray(new String[0]));
        server.setUseCipherSuitesOrder(true);
        server.setNeedClientAuth(true);
        return new DicomTls(context, profile, protocols, suites, profile == null ? null : client, server, null,
                handshakeTimeout == null ? Duration.ofSeconds(30) : handshakeTimeout);
    }

    // ------------------------------------------------------------------ profile → protocols and suites

    static List<String> protocols(TlsProfile profile) throws TlsSetupException {
        List<String> available = CipherSuites.availableProtocols();
        List<String> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String p : profile.protocols()) {
            (available.contains(p) ? out : refused).add(p);
        }
        if (out.isEmpty()) {
            throw new TlsSetupException(profile + " allows " + profile.protocols() + ", none of which this JVM "
                    + "enables (" + CipherSuites.whyUnavailable(profile.protocols().get(0)) + ")");
        }
        if (!refused.isEmpty()) {
            LOG.warn("{} also allows {}, which this JVM disables (jdk.tls.disabledAlgorithms, RFC 8996); offering {} "
                    + "only", profile, refused, out);
        }
        return out;
    }

    static List<String> cipherSuites(TlsProfile profile, List<String> additional, List<String> protocols)
            throws TlsSetupException {
        List<String> available = CipherSuites.available();
        List<String> out = new ArrayList<>();
        if (protocols.contains("TLSv1.3") && profile.tls13() == TlsProfile.Tls13.JVM_DEFAULT) {
            for (String s : available) {
                if (CipherSuites.isTls13(s)) {
                    out.add(s);
                }
            }
        }
        for (String s : profile.requiredSuites()) {
            if (!available.contains(s)) {
                throw new TlsSetupException(profile + " requires cipher suite " + CipherSuites.toIana(s)
                        + ", which is " + CipherSuites.whyUnavailable(s) + "; this profile cannot be used here"
                        + (profile == TlsProfile.BCP195_RFC8996 ? "" : " (the default +pg can)"));
            }
            out.add(s);
        }
        for (String s : profile.optionalSuites()) {
            if (available.contains(s)) {
                out.add(s);
            } else {
                LOG.debug("{}: optional cipher suite {} left out: {}", profile, CipherSuites.toIana(s),
                        CipherSuites.whyUnavailable(s));
            }
        }
        for (String given : additional) {
            String s;
            try {
                s = CipherSuites.toJsse(given);
            } catch (IllegalArgumentException e) {
                throw new TlsSetupException("+cs: " + e.getMessage(), e);
            }
            checkAdditional(profile, given, s, available);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        boolean tls13 = protocols.contains("TLSv1.3");
        boolean older = protocols.stream().anyMatch(p -> !p.equals("TLSv1.3"));
        List<String> usable = out.stream().filter(s -> CipherSuites.isTls13(s) ? tls13 : older).toList();
        if (usable.isEmpty()) {
            throw new TlsSetupException(profile + ": none of the cipher suites " + out + " can be used with "
                    + protocols);
        }
        return usable;
    }

    private static void checkAdditional(TlsProfile profile, String given, String s, List<String> available)
            throws TlsSetupException {
        if (!profile.allowsAdditionalSuites()) {
            throw new TlsSetupException("+cs " + given + ": " + profile + " allows no additional cipher suites");
        }
        if (!available.contains(s)) {
            throw new TlsSetupException("+cs " + given + ": cipher suite " + CipherSuites.toIana(s) + " is "
                    + CipherSuites.whyUnavailable(s) + " (+cc lists the available ones)");
        }
        TlsProfile.ExtraSuites rule = profile.extraSuites();
        if (rule != TlsProfile.ExtraSuites.ANY && !CipherSuites.encrypts(s)) {
            throw new TlsSetupException("+cs " + given + ": an unencrypted cipher suite is not allowed with "
                    + profile);
        }
        if (rule == TlsProfile.ExtraSuites.ENCRYPTED_NO_SHA1 && CipherSuites.usesSha1Mac(s)) {
            throw new TlsSetupException("+cs " + given + ": cipher suites with a SHA-1 MAC are not allowed with "
                    + profile + " (RFC 9325 4.2)");
        }
        if (s.startsWith("TLS_RSA_") || s.startsWith("SSL_RSA_")) {
            LOG.warn("+cs {}: RSA key transport has no forward secrecy; RFC 9325 4.1 recommends against it", given);
        } else if (s.startsWith("TLS_DHE_")) {
            LOG.warn("+cs {}: finite-field DHE; RFC 9325 4.1 recommends against it", given);
        }
        if (s.contains("_CBC_")) {
            LOG.warn("+cs {}: CBC mode; RFC 9325 4.2 recommends AEAD suites", given);
        }
    }

    // ------------------------------------------------------------------ keys, trust, randomness

    private static OwnKeyManager ownKey(TlsOptions options) throws TlsSetupException {
        if (options.isAnonymous()) {
            return new OwnKeyManager(null, null);
        }
        PrivateKey key = KeyFiles.readPrivateKey(options.privateKeyFile(), options.keyFileFormat(),
                options.password());
        List<X509Certificate> chain = KeyFiles.readCertificates(options.certificateFile(), "certificate file");
        KeyFiles.requireMatch(key, chain.get(0), options.privateKeyFile(), options.certificateFile());
        try {
            chain.get(0).checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            LOG.warn("our own certificate '{}' in {} is outside its validity period ({} to {}): peers will refuse it",
                    chain.get(0).getSubjectX500Principal().getName(), options.certificateFile(),
                    chain.get(0).getNotBefore().toInstant(), chain.get(0).getNotAfter().toInstant());
        }
        return new OwnKeyManager(key, chain.toArray(new X509Certificate[0]));
    }

    private static PeerVerifier verifier(TlsOptions options) throws TlsSetupException {
        List<X509Certificate> trusted = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        for (Path f : options.trustedCertificateFiles()) {
            trusted.addAll(KeyFiles.readCertificates(f, "trusted certificate file (+cf)"));
        }
        for (Path dir : options.trustedCertificateDirectories()) {
            readDirectory(dir, trusted, crls);
        }
        for (Path f : options.crlFiles()) {
            crls.addAll(KeyFiles.readCrls(f));
        }
        if (options.peerAuthentication() != PeerAuthentication.IGNORE) {
            if (trusted.isEmpty()) {
                throw new TlsSetupException("peer certificates are to be verified (-rc) but no trusted certificate "
                        + "was given: add +cf FILE or +cd DIR (or -ic to skip verification, insecure)");
            }
            if (options.crlCheck() != CrlCheck.NONE && crls.isEmpty()) {
                throw new TlsSetupException((options.crlCheck() == CrlCheck.CHAIN ? "+cra" : "+crv")
                        + " needs certificate revocation lists: add +crl FILE or put CRL files into a +cd directory");
            }
        }
        return new PeerVerifier(trusted, crls, options.crlCheck(), options.peerAuthentication(),
                options.verifyHostname());
    }

    /** {@code +cd}: every regular file that holds certificates or CRLs (unlike OpenSSL, no hashed names needed). */
    private static void readDirectory(Path dir, List<X509Certificate> trusted, List<X509CRL> crls)
            throws TlsSetupException {
        if (!Files.isDirectory(dir)) {
            throw new TlsSetupException("+cd " + dir + ": not a directory");
        }
        int found = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    trusted.addAll(KeyFiles.readCertificates(f, "certificate file"));
                    found++;
                    continue;
                } catch (TlsSetupException | RuntimeException notCertificates) {
                    // perhaps a CRL
                }
                try {
                    crls.addAll(KeyFiles.readCrls(f));
                    found++;
                } catch (TlsSetupException | RuntimeException e) {
                    LOG.debug("+cd {}: {} is neither certificate nor CRL, skipped", dir, f.getFileName());
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException("+cd " + dir + ": cannot list: " + e.getMessage(), e);
        }
        if (found == 0) {
            LOG.warn("+cd {}: no certificate or CRL file found", dir);
        }
    }

    /**
     * {@code +rs/+ws/+wf}: the JVM's SecureRandom is seeded by the operating system; a seed file only adds to it
     * (SecureRandom.setSeed supplements, never replaces). Writing back stores fresh random bytes.
     */
    private static SecureRandom random(TlsOptions options) throws TlsSetupException {
        SecureRandom random = new SecureRandom();
        if (options.seedFile() == null) {
            return random;
        }
        Path seed = options.seedFile();
        if (Files.isReadable(seed)) {
            try (InputStream in = Files.newInputStream(seed)) {
                random.setSeed(in.readNBytes((int) MAX_SEED_READ));
            } catch (IOException e) {
                throw new TlsSetupException("+rs: cannot read seed file " + seed + ": " + e.getMessage(), e);
            }
        } else {
            LOG.warn("+rs: seed file {} cannot be read; the JVM's SecureRandom is used as it is", seed);
        }
        if (options.writeSeedFile() != null) {
            byte[] fresh = new byte[SEED_BYTES];
            random.nextBytes(fresh);
            try {
                Files.write(options.writeSeedFile(), fresh);
            } catch (IOException e) {
                throw new TlsSetupException("+ws/+wf: cannot write seed file " + options.writeSeedFile() + ": "
                        + e.getMessage(), e);
            }
        }
        return random;
    }

    // ------------------------------------------------------------------ what users get

    public SSLContext sslContext() {
        return context;
    }

    /** The profile, or null for a wrapped context without one. */
    public TlsProfile profile() {
        return profile;
    }

    /** The protocol versions offered, newest first. */
    public List<String> protocols() {
        return protocols;
    }

    /** The cipher suites offered (JSSE names), in order of preference. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** Our certificate, or null ({@code +tla} or a wrapped context). */
    public X509Certificate certificate() {
        return keys == null ? null : keys.certificate();
    }

    /** Called with the session after every successful client handshake (e.g. to log protocol and suite). */
    public DicomTls addHandshakeListener(Consumer<SSLSession> listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    /**
     * The socket factory for {@code AssociationConfig.Builder.socketFactory}: TLS handshake during connect, within
     * the handshake timeout; failures as {@link TlsHandshakeException}.
     */
    public SocketFactory socketFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
                if (clientParameters != null) {
                    s.setSSLParameters(clientParameters);
                }
                return new TlsSocket(s, clientParameters, keys, handshakeTimeout, describeOffer(),
                        session -> listeners.forEach(l -> l.accept(session)));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket s = createSocket();
                s.connect(new java.net.InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                    throws IOException {
                Socket s = createSocket();
                s.bind(new java.net.InetSocketAddress(localHost, localPort));
                s.connect(new java.net.InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket s = createSocket();
                s.connect(new java.net.InetSocketAddress(host, port));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                Socket s = createSocket();
                s.bind(new java.net.InetSocketAddress(localAddress, localPort));
                s.connect(new java.net.InetSocketAddress(address, port));
                return s;
            }
        };
    }

    /** The plain JSSE client factory of the context (no handshake-at-connect, JSSE's own exceptions). */
    public SSLSocketFactory sslSocketFactory() {
        return context.getSocketFactory();
    }

    /** A server socket factory whose sockets use the profile and ask for client certificates as configured. */
    public SSLServerSocketFactory serverSocketFactory() {
        SSLServerSocketFactory delegate = context.getServerSocketFactory();
        return new SSLServerSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return cipherSuites.toArray(new String[0]);
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public ServerSocket createServerSocket() throws IOException {
                return configure(delegate.createServerSocket());
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return configure(delegate.createServerSocket(port));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return configure(delegate.createServerSocket(port, backlog));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
                return configure(delegate.createServerSocket(port, backlog, ifAddress));
            }

            private ServerSocket configure(ServerSocket s) {
                ((SSLServerSocket) s).setSSLParameters(serverParameters);
                return s;
            }
        };
    }

    /** "TLSv1.3, TLSv1.2 with N cipher suites", for messages. */
    String describeOffer() {
        return String.join(", ", protocols) + " with " + cipherSuites.size() + " cipher suite(s)"
                + (cipherSuites.size() <= 8 ? " " + cipherSuites : "");
    }

    @Override
    public String toString() {
        return "DicomTls[" + (profile == null ? "context's own settings" : profile.toString()) + ", "
                + describeOffer() + "]";
    }
}
