package io.dicomfind.camel.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.camel.DicomFindAssociationException;
import io.dicomfind.camel.DicomFindComponent;
import io.dicomfind.camel.DicomFindEndpoint;
import io.dicomfind.camel.DicomFindTlsException;
import io.dicomfind.camel.NetworkLeakCheck;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.tls.TestPki;
import io.dicomfind.dicom.net.tls.TlsHandshakeException.Reason;
import io.dicomfind.peers.DcmDumpCanonicalizer;
import io.dicomfind.peers.DcmtkFindScu;
import io.dicomfind.peers.FindScuResult;
import io.dicomfind.peers.OrthancPeer;
import io.dicomfind.peers.PacsData;
import io.dicomfind.peers.ResponseSet;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.main.Main;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component against Orthanc 1.10 with DICOM TLS and mutual authentication ({@code DicomTlsEnabled},
 * {@code DicomTlsRemoteCertificateRequired true}), configured with {@code sslContextParameters} built from PKCS12
 * key stores: the same answers as DCMTK {@code findscu +tls} against the same Orthanc, the C-ECHO health check over
 * TLS, Orthanc refusing a client without a certificate, and the same configuration through Camel Main properties.
 */
class DicomFindOrthancTlsTest extends CamelTestSupport {
    static final TestPki PKI = TestPki.get();
    static OrthancPeer orthanc;
    private NetworkLeakCheck leaks;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startOrthanc() {
        orthanc = OrthancPeer.startEmpty("""
                "DicomTlsEnabled": true,
                  "DicomTlsCertificate": "%s",
                  "DicomTlsPrivateKey": "%s",
                  "DicomTlsTrustedCertificates": "%s",
                  "DicomTlsRemoteCertificateRequired": true""".formatted(PKI.file("server.crt"),
                PKI.file("server.key"), PKI.file("ca.crt")));
        orthanc.load(PacsData.standardFiles());
    }

    @AfterAll
    static void stopOrthanc() {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("mutual", TlsStores.parameters("client", "ca"));
        registry.bind("anonymous", TlsStores.parameters(null, "ca"));
    }

    @BeforeEach
    void baseline() {
        leaks = NetworkLeakCheck.baseline();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        leaks.assertNoLeak(context);
    }

    static final String STUDY_KEYS = "model=study&queryRetrieveLevel=STUDY&key.StudyInstanceUID=&key.PatientName="
            + "&key.PatientID=&key.StudyDate=&key.AccessionNumber=&acseTimeout=10s&dimseTimeout=30s";
    static final List<String> FINDSCU_KEYS = List.of("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
            "StudyInstanceUID", "-k", "PatientName", "-k", "PatientID", "-k", "StudyDate", "-k", "AccessionNumber");

    static String uri(String options) {
        return "dicomfind:" + orthanc.calledAeTitle() + "@" + orthanc.host() + ":" + orthanc.port() + "?" + options;
    }

    /** Each identifier as a Part-10 file, as findscu -X writes them, canonicalised with dcmdump. */
    static ResponseSet canonical(List<?> identifiers, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Object o : identifiers) {
            Path f = dir.resolve(String.format("rsp%04d.dcm", files.size() + 1));
            try (OutputStream out = Files.newOutputStream(f)) {
                Part10.write(out, (Attributes) o, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        SopClasses.STUDY_ROOT_FIND, "1.2.3." + (files.size() + 1), UID.IMPLEMENTATION_CLASS_UID,
                        UID.IMPLEMENTATION_VERSION_NAME, "FINDSCU", EncodeOptions.DEFAULT);
            }
            files.add(f);
        }
        return DcmDumpCanonicalizer.responseSet(files);
    }

    static FindScuResult findscuTls(Path dir) {
        List<String> args = new ArrayList<>(FINDSCU_KEYS);
        args.addAll(List.of("+tls", PKI.file("client.key").toString(), PKI.file("client.crt").toString(),
                "+cf", PKI.file("ca.crt").toString()));
        FindScuResult expected = DcmtkFindScu.run(orthanc, args, List.of(), dir);
        assertTrue(expected.isSuccess(), expected::describe);
        assertEquals(PacsData.standard().studies().size(), expected.responses().size(), expected::describe);
        return expected;
    }

    @Test
    void mutualTlsGivesTheSameAnswersAsFindscuTls() throws Exception {
        DicomFindEndpoint ep = context.getEndpoint(uri(STUDY_KEYS + "&sslContextParameters=#mutual"),
                DicomFindEndpoint.class);
        AtomicReference<SSLSession> session = new AtomicReference<>();
        ep.getTls().addHandshakeListener(session::set);
        List<?> ids = template.requestBody(ep, null, List.class);
        assertEquals("TLSv1.3", session.get().getProtocol());
        assertEquals("CN=FINDSCU client", ((X509Certificate) session.get().getLocalCertificates()[0])
                .getSubjectX500Principal().getName());
        findscuTls(tmp.resolve("dcmtk")).responses().assertSameAs(canonical(ids, tmp.resolve("camel")),
                "Orthanc over TLS (expected DCMTK findscu +tls, actual dicomfind with sslContextParameters)");
    }

    @Test
    void echoHealthCheckOverTls() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:q").routeId("q").to(uri("sslContextParameters=#mutual&acseTimeout=10s"));
            }
        });
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        producers.setEnabled(true);
        HealthCheck check = producers.stream().filter(h -> h.getId().contains("dicomfind-" + orthanc.calledAeTitle()
                + "@" + orthanc.host() + ":" + orthanc.port())).findFirst().orElseThrow();
        HealthCheck.Result r = check.call();
        assertEquals(HealthCheck.State.UP, r.getState(), r.getMessage().orElse(""));
        assertEquals("0000H Success", r.getDetails().get("echoStatus"));
        assertEquals(1, context.getComponent("dicomfind", DicomFindComponent.class).getActivity().getEchoes());
    }

    @Test
    void orthancRequiresOurCertificate() {
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> template.requestBody(uri(STUDY_KEYS + "&sslContextParameters=#anonymous"), null, List.class));
        DicomFindTlsException tls = assertInstanceOf(DicomFindTlsException.class, e.getCause(),
                String.valueOf(e.getCause()));
        assertEquals(DicomFindAssociationException.Reason.TLS_HANDSHAKE_FAILED, tls.getReason());
        assertEquals(Reason.CLIENT_CERTIFICATE_REQUIRED, tls.getTlsReason(), tls.getMessage());
        assertTrue(tls.getMessage().contains("(TLS: client certificate required)"), tls.getMessage());
    }

    @Test
    void camelMainConfiguresTls() throws Exception {
        Main main = new Main();
        main.bind("clientTls", TlsStores.parameters("client", "ca"));
        main.addInitialProperty("camel.component.dicomfind.sslContextParameters", "#bean:clientTls");
        main.addInitialProperty("camel.component.dicomfind.tlsProfile", "BCP195_EXTENDED");
        main.addInitialProperty("camel.component.dicomfind.acseTimeout", "10s");
        main.start();
        try {
            CamelContext ctx = main.getCamelContext();
            DicomFindEndpoint ep = ctx.getEndpoint(uri(STUDY_KEYS), DicomFindEndpoint.class);
            AtomicReference<SSLSession> session = new AtomicReference<>();
            ep.getTls().addHandshakeListener(session::set);
            ProducerTemplate pt = ctx.createProducerTemplate();
            List<?> ids = pt.requestBody(ep, null, List.class);
            pt.stop();
            assertEquals("TLSv1.2", session.get().getProtocol());
            findscuTls(tmp.resolve("dcmtk-main")).responses().assertSameAs(canonical(ids, tmp.resolve("main")),
                    "Camel Main TLS (expected DCMTK findscu +tls, actual dicomfind)");
            leaks.assertNoLeak(ctx);
        } finally {
            main.stop();
        }
    }

    @Test
    void camelMainGlobalSslConfiguration() throws Exception {
        // no bean at all: Camel Main's camel.ssl.* make the global SSLContextParameters, the component uses them
        Main main = new Main();
        main.addInitialProperty("camel.ssl.enabled", "true");
        main.addInitialProperty("camel.ssl.keyStore", "file:" + TlsStores.keyStore("client"));
        main.addInitialProperty("camel.ssl.keyStoreType", "PKCS12");
        main.addInitialProperty("camel.ssl.keystorePassword", TlsStores.PASSWORD);
        main.addInitialProperty("camel.ssl.trustStore", "file:" + TlsStores.trustStore("ca"));
        main.addInitialProperty("camel.ssl.trustStorePassword", TlsStores.PASSWORD);
        main.addInitialProperty("camel.component.dicomfind.useGlobalSslContextParameters", "true");
        main.start();
        try {
            CamelContext ctx = main.getCamelContext();
            DicomFindEndpoint ep = ctx.getEndpoint(uri(STUDY_KEYS), DicomFindEndpoint.class);
            assertEquals(ctx.getSSLContextParameters(), ep.getConfiguration().getSslContextParameters());
            AtomicReference<SSLSession> session = new AtomicReference<>();
            ep.getTls().addHandshakeListener(session::set);
            ProducerTemplate pt = ctx.createProducerTemplate();
            List<?> ids = pt.requestBody(ep, null, List.class);
            pt.stop();
            assertEquals(PacsData.standard().studies().size(), ids.size());
            assertEquals("TLSv1.3", session.get().getProtocol());
            assertEquals("CN=FINDSCU client", ((X509Certificate) session.get().getLocalCertificates()[0])
                    .getSubjectX500Principal().getName());
            leaks.assertNoLeak(ctx);
        } finally {
            main.stop();
        }
    }
}
