package io.dicomfind.camel.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindAssociationException;
import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.camel.DicomFindEndpoint;
import io.dicomfind.camel.DicomFindTlsException;
import io.dicomfind.camel.NetworkLeakCheck;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.tls.DicomTls;
import io.dicomfind.dicom.net.tls.PeerAuthentication;
import io.dicomfind.dicom.net.tls.TestPki;
import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import io.dicomfind.dicom.net.tls.TlsOptions;
import io.dicomfind.dicom.net.tls.TlsProfile;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.SSLContextClientParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The component over DICOM TLS against our embedded SCP (a real handshake on loopback each time), configured as a
 * Camel user does: {@code sslContextParameters} from PKCS12 key stores. Mutual authentication, the TLS profile, the
 * global SSL context parameters, the C-ECHO health check, and each handshake failure as a
 * {@link DicomFindTlsException} that names the cause. No association or socket is left open after any test.
 */
class DicomFindEmbeddedTlsTest extends CamelTestSupport {
    static final TestPki PKI = TestPki.get();
    /** Requires a client certificate issued by our CA (DicomTlsRemoteCertificateRequired, -rc). */
    static EmbeddedFindScp scp;
    /** Presents a certificate of another CA. */
    static EmbeddedFindScp foreign;
    /** Presents an expired certificate of our CA. */
    static EmbeddedFindScp expired;
    private NetworkLeakCheck leaks;

    @BeforeAll
    static void startScps() throws Exception {
        scp = start("server");
        foreign = start("server-other");
        expired = start("server-expired");
    }

    static EmbeddedFindScp start(String server) throws Exception {
        DicomTls tls = DicomTls.create(TlsOptions.builder().keyAndCertificate(PKI.file(server + ".key"),
                PKI.file(server + ".crt")).addTrustedCertificateFile(PKI.file("ca.crt"))
                .peerAuthentication(PeerAuthentication.REQUIRE).build());
        return EmbeddedFindScp.builder().aeTitle("TLSSCP").worklist(List.of(item(1), item(2), item(3))).tls(tls)
                .start();
    }

    @AfterAll
    static void stopScps() {
        for (EmbeddedFindScp s : new EmbeddedFindScp[] {scp, foreign, expired}) {
            if (s != null) {
                s.close();
            }
        }
    }

    static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "TLS^PATIENT" + i);
        a.setString(Tag.PatientID, VR.LO, "TLS" + i);
        a.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, VR.CS, "CT");
        return a;
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("mutual", TlsStores.parameters("client", "ca"));
        registry.bind("anonymous", TlsStores.parameters(null, "ca"));
        registry.bind("trustsOtherCa", TlsStores.parameters("client", "other-ca"));
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    static String uri(EmbeddedFindScp peer, String options) {
        return "dicomfind:TLSSCP@127.0.0.1:" + peer.port() + "?acseTimeout=10s&dimseTimeout=10s&key.PatientID="
                + (options.isEmpty() ? "" : "&" + options);
    }

    static TreeSet<String> patientIds(List<?> ids) {
        return ids.stream().map(a -> ((Attributes) a).getString(Tag.PatientID))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Runs the query; it must fail with a TLS exception, which is returned. */
    DicomFindTlsException refused(String uri) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri, null, List.class));
        DicomFindTlsException tls = assertInstanceOf(DicomFindTlsException.class, e.getCause(), String.valueOf(
                e.getCause()));
        assertEquals(DicomFindAssociationException.Reason.TLS_HANDSHAKE_FAILED, tls.getReason());
        assertEquals("TLSSCP@127.0.0.1:" + uri.replaceAll(".*:(\\d+)\\?.*", "$1"), tls.getPeer());
        assertFalse(tls.isTransient(), "a certificate problem does not go away by retrying");
        return tls;
    }

    @Test
    void mutualAuthenticationWithSslContextParameters() throws Exception {
        DicomFindEndpoint ep = context.getEndpoint(uri(scp, "sslContextParameters=#mutual"), DicomFindEndpoint.class);
        AtomicReference<SSLSession> session = new AtomicReference<>();
        ep.getTls().addHandshakeListener(session::set);
        long before = scp.counters().queries();
        List<?> ids = template.requestBody(ep, null, List.class);
        assertEquals(new TreeSet<>(List.of("TLS1", "TLS2", "TLS3")), patientIds(ids));
        assertEquals(before + 1, scp.counters().queries());
        // the default profile: TLS 1.3; our certificate from the PKCS12 key store was sent (the SCP requires it)
        assertEquals(TlsProfile.BCP195_RFC8996, ep.getConfiguration().getTlsProfile());
        assertEquals("TLSv1.3", session.get().getProtocol());
        assertEquals("CN=FINDSCU client", ((X509Certificate) session.get().getLocalCertificates()[0])
                .getSubjectX500Principal().getName());
        assertEquals("CN=localhost", ((X509Certificate) session.get().getPeerCertificates()[0])
                .getSubjectX500Principal().getName());
    }

    @Test
    void untrustedServerCertificate() {
        DicomFindTlsException e = refused(uri(foreign, "sslContextParameters=#mutual"));
        assertEquals(Reason.UNTRUSTED_PEER_CERTIFICATE, e.getTlsReason(), e.getMessage());
        assertEquals("untrusted peer certificate", e.getReasonText());
        assertTrue(e.getMessage().startsWith("association with TLSSCP@127.0.0.1:" + foreign.port() + " failed (TLS:"
                + " untrusted peer certificate): TLS handshake with 127.0.0.1:" + foreign.port() + " failed: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("the peer certificate is not trusted: no certification path from it to a"
                + " certificate of the trust managers"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Add the certificate of the peer's CA to the trustManagers of"
                + " sslContextParameters"), e.getMessage());
        // the same server with the other CA trusted is fine
        assertEquals(3, template.requestBody(uri(foreign, "sslContextParameters=#trustsOtherCa"), null, List.class)
                .size());
    }

    @Test
    void expiredServerCertificate() {
        DicomFindTlsException e = refused(uri(expired, "sslContextParameters=#mutual"));
        assertEquals(Reason.EXPIRED_PEER_CERTIFICATE, e.getTlsReason(), e.getMessage());
        assertTrue(e.getMessage().contains("(TLS: expired or not yet valid peer certificate)"), e.getMessage());
        assertTrue(e.getMessage().contains("'CN=expired server' expired on 2021-01-01T00:00:00Z"), e.getMessage());
    }

    @Test
    void clientCertificateRequiredButMissing() {
        DicomFindTlsException e = refused(uri(scp, "sslContextParameters=#anonymous"));
        assertEquals(Reason.CLIENT_CERTIFICATE_REQUIRED, e.getTlsReason(), e.getMessage());
        assertTrue(e.getMessage().contains("(TLS: client certificate required)"), e.getMessage());
        assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Give sslContextParameters keyManagers holding our key and a certificate"
                + " the peer trusts"), e.getMessage());
    }

    @Test
    void plainTcpToTheTlsPortIsNotMistakenForTls() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("dicomfind:TLSSCP@127.0.0.1:" + scp.port() + "?acseTimeout=3s", null,
                        List.class));
        DicomFindAssociationException a = assertInstanceOf(DicomFindAssociationException.class, e.getCause());
        assertFalse(a instanceof DicomFindTlsException, a.getMessage());
    }

    @Test
    void profileReplacesProtocolsAndSuitesOfTheParameters() throws Exception {
        // parameters that would allow only a static-RSA CBC suite: the default profile's suites are used instead
        SSLContextParameters weak = TlsStores.parameters("client", "ca");
        SSLContextClientParameters client = new SSLContextClientParameters();
        CipherSuitesParameters suites = new CipherSuitesParameters();
        suites.setCipherSuite(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"));
        client.setCipherSuites(suites);
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(List.of("TLSv1.2"));
        client.setSecureSocketProtocols(protocols);
        weak.setClientParameters(client);
        context.getRegistry().bind("weak", weak);
        DicomFindEndpoint ep = context.getEndpoint(uri(scp, "sslContextParameters=#weak"), DicomFindEndpoint.class);
        AtomicReference<SSLSession> session = new AtomicReference<>();
        ep.getTls().addHandshakeListener(session::set);
        assertEquals(3, template.requestBody(ep, null, List.class).size());
        assertEquals("TLSv1.3", session.get().getProtocol());
        assertNotNull(session.get().getLocalCertificates(), "our certificate was sent");
    }

    @Test
    void retiredExtendedProfileNegotiatesTls12() throws Exception {
        DicomFindEndpoint ep = context.getEndpoint(uri(scp, "sslContextParameters=#mutual&tlsProfile=BCP195_EXTENDED"),
                DicomFindEndpoint.class);
        AtomicReference<SSLSession> session = new AtomicReference<>();
        ep.getTls().addHandshakeListener(session::set);
        assertEquals(3, template.requestBody(ep, null, List.class).size());
        assertEquals("TLSv1.2", session.get().getProtocol());
        assertTrue(TlsProfile.BCP195_EXTENDED.requiredSuites().contains(session.get().getCipherSuite()),
                session.get().getCipherSuite());
    }

    @Test
    void profilesTheJvmCannotProvideAreRefusedWithTheReason() {
        Map<String, String> expected = Map.of(
                "BASIC", "tlsProfile BASIC (Basic TLS Secure Transport Connection Profile, findscu +pb) cannot be"
                        + " used in this JVM: ",
                "NULL_ENCRYPTION", "tlsProfile NULL_ENCRYPTION (Authenticated unencrypted communication, findscu +pn)"
                        + " cannot be used in this JVM: ",
                "BCP195_RFC8996_MODIFIED", "tlsProfile BCP195_RFC8996_MODIFIED (Modified BCP 195 RFC 8996 TLS"
                        + " Profile, findscu +pm) cannot be used in this JVM: ");
        for (Map.Entry<String, String> p : expected.entrySet()) {
            Exception e = assertThrows(Exception.class, () -> template.requestBody(
                    uri(scp, "sslContextParameters=#mutual&tlsProfile=" + p.getKey()), null, List.class));
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof IllegalArgumentException)) {
                root = root.getCause();
            }
            assertInstanceOf(IllegalArgumentException.class, root, String.valueOf(e));
            assertTrue(root.getMessage().startsWith("dicomfind: " + p.getValue()), root.getMessage());
            assertTrue(root.getMessage().contains("requires cipher suite"), root.getMessage());
            assertTrue(root.getMessage().contains(p.getKey().equals("BCP195_RFC8996_MODIFIED")
                    ? "which is not implemented by this JVM's TLS provider"
                    : "which is disabled by this JVM's security policy (jdk.tls.disabledAlgorithms contains "),
                    root.getMessage());
        }
        // an unknown profile is refused by Camel's enum conversion, naming the option
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri(scp, "sslContextParameters=#mutual&tlsProfile=TLS13")));
        assertTrue(e.getMessage().contains("tlsProfile"), e.getMessage());
    }

    @Test
    void globalSslContextParameters() throws Exception {
        context.setSSLContextParameters(TlsStores.parameters("client", "ca"));
        DicomFindComponent component = context.getComponent("dicomfind", DicomFindComponent.class);
        // off by default: the endpoint speaks plain DICOM
        DicomFindEndpoint plain = context.getEndpoint(uri(scp, "callingAet=PLAIN"), DicomFindEndpoint.class);
        assertNull(plain.getConfiguration().getSslContextParameters());
        component.setUseGlobalSslContextParameters(true);
        DicomFindEndpoint global = context.getEndpoint(uri(scp, "callingAet=GLOBAL"), DicomFindEndpoint.class);
        assertEquals(context.getSSLContextParameters(), global.getConfiguration().getSslContextParameters());
        assertEquals(3, template.requestBody(global, null, List.class).size());
        // the endpoint's own parameters win over the global ones
        DicomFindTlsException e = refused(uri(foreign, "sslContextParameters=#anonymous&callingAet=OWN"));
        assertEquals(Reason.UNTRUSTED_PEER_CERTIFICATE, e.getTlsReason(), e.getMessage());
        assertEquals(3, template.requestBody(uri(foreign, "sslContextParameters=#trustsOtherCa&callingAet=OWN"),
                null, List.class).size());
    }

    @Test
    void echoHealthCheckUsesTls() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").to(uri(scp, "sslContextParameters=#mutual"));
                from("direct:bad").routeId("bad").to(uri(foreign, "sslContextParameters=#mutual"));
            }
        });
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        producers.setEnabled(true);
        HealthCheck good = check(producers, scp);
        HealthCheck.Result up = good.call();
        assertEquals(HealthCheck.State.UP, up.getState(), up.getMessage().orElse(""));
        assertEquals("0000H Success", up.getDetails().get("echoStatus"));
        long echoes = scp.counters().echoes();
        assertTrue(echoes >= 1, "the C-ECHO reached the TLS SCP");

        HealthCheck.Result down = check(producers, foreign).call();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals("TLS_HANDSHAKE_FAILED", down.getDetails().get("reason"));
        assertEquals("UNTRUSTED_PEER_CERTIFICATE", down.getDetails().get("tlsReason"));
        assertEquals("untrusted peer certificate", down.getDetails().get("reasonText"));
        assertTrue(down.getMessage().orElse("").startsWith("C-ECHO with TLSSCP@127.0.0.1:" + foreign.port()
                + " failed (TLS: untrusted peer certificate)"), down.getMessage().orElse(""));
    }

    private static HealthCheck check(WritableHealthCheckRepository producers, EmbeddedFindScp peer) {
        return producers.stream().filter(h -> h.getId().contains("dicomfind-TLSSCP@127.0.0.1:" + peer.port()))
                .findFirst().orElseThrow(() -> new AssertionError("no health check for " + peer));
    }
}
