package io.dicomfind.camel;

import io.dicomfind.dicom.data.SpecificCharacterSet;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.tls.DicomTls;
import io.dicomfind.dicom.net.tls.TlsProfile;
import io.dicomfind.dicom.net.tls.TlsSetupException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query DICOM worklist, PACS and RIS servers with C-FIND, as DCMTK's findscu does: the producer runs a query per
 * exchange, the consumer polls one and routes each match.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dicomfind", title = "DICOM C-FIND",
             syntax = "dicomfind:calledAet@host:port", category = { Category.HEALTH, Category.SEARCH },
             headersClass = DicomFindConstants.class)
public class DicomFindEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {
    private static final Logger LOG = LoggerFactory.getLogger(DicomFindEndpoint.class);

    @UriParam
    private DicomFindConfiguration configuration;

    private FindRequestFactory requestFactory;
    private FindSettings settings;
    private SpecificCharacterSet fallbackCharacterSet;
    private IdempotentRepository idempotentRepository;
    private FindActivity activity;
    private ResponseHeaders responseHeaders = ResponseHeaders.NONE;
    private DicomTls tls;
    private PooledFindService pooledService;

    public DicomFindEndpoint(String uri, DicomFindComponent component, DicomFindConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public DicomFindComponent getComponent() {
        return (DicomFindComponent) super.getComponent();
    }

    public DicomFindConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DicomFindConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new DicomFindProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DicomFindConsumer consumer = new DicomFindConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        DicomFindConfiguration c = configuration;
        if (ObjectHelper.isEmpty(c.getHost())) {
            throw new IllegalArgumentException("dicomfind: no peer host in " + getEndpointUri());
        }
        if (c.getPort() <= 0 || c.getPort() > 65535) {
            throw new IllegalArgumentException("dicomfind: port " + c.getPort() + " is not a TCP port (1-65535)");
        }
        checkAeTitle("calledAet", c.getCalledAet());
        checkAeTitle("callingAet", c.getCallingAet());
        if (c.getMaxPdu() < 4096 || c.getMaxPdu() > 131072) {
            throw new IllegalArgumentException("dicomfind: maxPdu " + c.getMaxPdu()
                    + " is outside findscu's range 4096..131072");
        }
        if (c.getDeflateLevel() < 0 || c.getDeflateLevel() > 9) {
            throw new IllegalArgumentException("dicomfind: deflateLevel " + c.getDeflateLevel() + " is not 0..9");
        }
        if (c.getMaxResults() < 0 || c.getCancelAfter() < 0) {
            throw new IllegalArgumentException("dicomfind: maxResults and cancelAfter must not be negative");
        }
        if (c.getFallbackCharacterSet() != null && !c.getFallbackCharacterSet().isBlank()) {
            // Defined Terms as in (0008,0005) or a Java charset name; applied only to identifiers without (0008,0005)
            fallbackCharacterSet = SpecificCharacterSet.forFallback(c.getFallbackCharacterSet());
        }
        if (c.getAcseTimeout() <= 0) {
            throw new IllegalArgumentException("dicomfind: acseTimeout must be positive (findscu -ta)");
        }
        if (c.getArtimTimeout() <= 0) {
            throw new IllegalArgumentException("dicomfind: artimTimeout must be positive");
        }
        checkResponseLimits(c);
        AssociationConfig association = associationConfig(c);
        settings = new FindSettings(association.toBuilder()
                .maxResponses(c.effectiveMaxResponses(c.getOutputType() == OutputType.StreamList)).build(),
                c.isAbort());
        FindSettings pollSettings = new FindSettings(association.toBuilder()
                .maxResponses(c.effectiveMaxResponses(false)).build(), c.isAbort());
        activity = new FindActivity(getComponent().getActivity());
        if (c.isProducerPoolEnabled()) {
            pooledService = new PooledFindService(getComponent().pools(), getComponent()::getOrCreateFindService,
                    PoolSettings.of(c));
        }
        requestFactory = new FindRequestFactory(c, QueryKeyTemplate.compile(c.getKeys(), getCamelContext()),
                settings, pollSettings);
        responseHeaders = ResponseHeaders.compile(c.getResponseHeaders(), c.getResponseHeaderPrefix());
        if (c.isIdempotent()) {
            idempotentRepository = c.getIdempotentRepository() != null ? c.getIdempotentRepository()
                    : MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (idempotentRepository != null) {
            org.apache.camel.support.service.ServiceHelper.startService(idempotentRepository);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (idempotentRepository != null && configuration.getIdempotentRepository() == null) {
            org.apache.camel.support.service.ServiceHelper.stopService(idempotentRepository);
        }
        super.doStop();
    }

    /**
     * maxResponses aborts the association at the response after the limit; maxResults and maxMessagesPerPoll cancel
     * politely at the match after theirs. A polite limit the abort would always pre-empt is a configuration error.
     */
    private static void checkResponseLimits(DicomFindConfiguration c) {
        if (c.getMaxResponses() != null && c.getMaxResponses() < 0) {
            throw new IllegalArgumentException("dicomfind: maxResponses must be 0 (no limit) or positive, was "
                    + c.getMaxResponses());
        }
        int producerLimit = c.effectiveMaxResponses(c.getOutputType() == OutputType.StreamList);
        if (producerLimit > 0 && c.getMaxResults() >= producerLimit) {
            throw new IllegalArgumentException("dicomfind: maxResults " + c.getMaxResults() + " cannot be reached"
                    + " with maxResponses " + producerLimit + limitOrigin(c) + "; raise maxResponses above"
                    + " maxResults, or set it to 0 for no limit");
        }
        int pollLimit = c.effectiveMaxResponses(false);
        if (pollLimit > 0 && c.getMaxMessagesPerPoll() >= pollLimit) {
            throw new IllegalArgumentException("dicomfind: maxMessagesPerPoll " + c.getMaxMessagesPerPoll()
                    + " cannot be reached with maxResponses " + pollLimit + limitOrigin(c) + "; raise maxResponses"
                    + " above maxMessagesPerPoll, or set it to 0 for no limit");
        }
    }

    private static String limitOrigin(DicomFindConfiguration c) {
        return c.getMaxResponses() == null ? " (the default)" : "";
    }

    /** PS3.5 Table 6.2-1 AE: 1 to 16 characters of the default repertoire, no backslash or control characters. */
    private static void checkAeTitle(String option, String ae) {
        if (ae == null || ae.isBlank() || ae.length() > 16 || !ae.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F
                && ch != '\\')) {
            throw new IllegalArgumentException("dicomfind: " + option + " '" + ae + "' is not an AE title (1-16"
                    + " characters of the DICOM default repertoire, no backslash; PS3.5 6.2)");
        }
    }

    /** A model without levels (worklists, UPS, Hanging Protocol ...) has no (0008,0052) in its identifier. */
    private static void checkLevelApplies(DicomFindConfiguration c) {
        io.dicomfind.dicom.net.FindInformationModel m =
                io.dicomfind.dicom.net.FindInformationModel.forSopClass(Model.sopClassUidOf(c.getModel()));
        if (m != null && !m.hasQueryRetrieveLevel() && c.getQueryRetrieveLevel() != null) {
            throw new IllegalArgumentException("dicomfind: queryRetrieveLevel=" + c.getQueryRetrieveLevel()
                    + " does not apply to model=" + c.getModel() + ": " + m.sopClassName()
                    + " has no Query/Retrieve Level (0008,0052) in its identifier");
        }
    }

    /** Every findscu network option of the configuration, mapped onto the network layer's association config. */
    private AssociationConfig associationConfig(DicomFindConfiguration c) throws Exception {
        checkLevelApplies(c);
        AssociationConfig.Builder b = AssociationConfig.builder(c.getHost(), c.getPort())
                .callingAeTitle(c.getCallingAet())
                .calledAeTitle(c.getCalledAet())
                .abstractSyntaxes(Model.sopClassUidOf(c.getModel()))
                .connectTimeout(durationOrNull(c.getConnectTimeout()))
                .socketTimeout(Duration.ofMillis(Math.max(0, c.getSocketTimeout()))) // ZERO: none
                .acseTimeout(Duration.ofMillis(c.getAcseTimeout()))
                .dimseTimeout(durationOrNull(c.getDimseTimeout()))
                .artimTimeout(Duration.ofMillis(c.getArtimTimeout()))
                .maxPduLength(c.getMaxPdu())
                .proposal(c.getProposedTransferSyntaxes().proposal())
                .deflateLevel(c.getDeflateLevel())
                .priority(c.getPriority())
                .newVRs(c.isEnableNewVr());
        if (c.getSslContextParameters() != null) {
            tls = dicomTls(c);
            b.socketFactory(tls.socketFactory());
        }
        NegotiationSettings.apply(c, Model.sopClassUidOf(c.getModel()), b);
        return b.build();
    }

    /**
     * DICOM TLS (PS3.15 B.1): keys and trust from the user's SSLContextParameters, protocols and cipher suites from
     * the profile (they replace any the parameters name, so that the secure default cannot be weakened by accident).
     * The handshake runs while connecting, before the A-ASSOCIATE-RQ, and is bounded by the ACSE timeout: it is part
     * of establishing the association, which that timer guards (findscu -ta).
     */
    private DicomTls dicomTls(DicomFindConfiguration c) throws Exception {
        TlsProfile profile = c.getTlsProfile() != null ? c.getTlsProfile() : TlsProfile.defaultProfile();
        SSLContext ssl = c.getSslContextParameters().createSSLContext(getCamelContext());
        DicomTls t;
        try {
            t = DicomTls.of(ssl, profile, Duration.ofMillis(c.getAcseTimeout()));
        } catch (TlsSetupException e) {
            throw new IllegalArgumentException("dicomfind: tlsProfile " + profile.name() + " (" + profile.title()
                    + ", findscu " + profile.option() + ") cannot be used in this JVM: " + e.getMessage(), e);
        }
        if (profile.isRetired()) {
            LOG.warn("dicomfind: {} uses the retired TLS profile {} ({}); PS3.15 recommends BCP195_RFC8996",
                    getServiceUrl(), profile.name(), profile.title());
        }
        LOG.debug("dicomfind: TLS for {}: {}", getServiceUrl(), t);
        t.addHandshakeListener(session -> LOG.debug("dicomfind: TLS session with {}: {} {}", getServiceUrl(),
                session.getProtocol(), session.getCipherSuite()));
        return t;
    }

    /**
     * The DICOM TLS this endpoint's associations use (protocols, suites; handshake listeners may be added, e.g. to
     * audit the sessions), or null when plain TCP. Set when the endpoint is initialised.
     */
    public DicomTls getTls() {
        return tls;
    }

    private static Duration durationOrNull(long millis) {
        return millis <= 0 ? null : Duration.ofMillis(millis);
    }

    /** Opens the association (or borrows one, with producerPoolEnabled) and sends the C-FIND-RQ. */
    FindRun startRun(FindRequest request) {
        FindService service = pooledService != null ? pooledService : getComponent().getOrCreateFindService();
        return new FindRun(service, request, fallbackCharacterSet, configuration.isDataCorrection(), activity);
    }

    /**
     * The figures of the pool this endpoint's producer borrows from (open, idle, in use, created, destroyed,
     * reused), or null without producerPoolEnabled or before its first C-FIND.
     */
    java.util.Map<String, Object> poolFigures() {
        AssociationPool pool = pooledService == null ? null : pooledService.poolFor(settings);
        return pool == null ? null : pool.figures();
    }

    /** What this endpoint did on the network (dev console, tests). */
    public FindActivity getActivity() {
        return activity;
    }

    FindRequestFactory requestFactory() {
        return requestFactory;
    }

    /** The option responseHeaders, parsed when the endpoint was initialised. */
    ResponseHeaders responseHeaders() {
        return responseHeaders;
    }

    /** The settings this endpoint's associations use (for the health check). */
    public FindSettings getSettings() {
        return settings;
    }

    IdempotentRepository idempotentRepository() {
        return idempotentRepository;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getHost() + ":" + configuration.getPort();
    }

    @Override
    public String getServiceProtocol() {
        return "dicom";
    }
}
