package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.pdu.AeTitle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process DICOM C-FIND SCP for tests: Patient Root, Study Root, Patient/Study Only (retired) and Modality
 * Worklist FIND, plus Verification (C-ECHO), over data sets from a folder or from code.
 *
 * <pre>{@code
 * try (EmbeddedFindScp scp = EmbeddedFindScp.builder().aeTitle("FINDSCP").port(0)
 *         .worklist(Path.of("src/test/resources/worklist")).start()) {
 *     // findscu -W -aec FINDSCP 127.0.0.1 <scp.port()> ...
 * }
 * }</pre>
 *
 * One thread per association from a bounded pool ({@link Builder#maxAssociations(int)}); responses are streamed
 * as they are produced (see {@link DataSetSource}). {@link #close()} closes the server socket and every open
 * association and waits for all threads to end.
 */
public final class EmbeddedFindScp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFindScp.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ScpConfig config;
    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Set<ScpAssociation> live = ConcurrentHashMap.newKeySet();
    /** Every worker thread ever created, so that close() can join them (awaitTermination does not). */
    private final Set<Thread> workerThreads = ConcurrentHashMap.newKeySet();
    private final ScpCounters counters = new ScpCounters();
    private volatile boolean closing;

    private EmbeddedFindScp(ScpConfig config, ServerSocket server) {
        this.config = config;
        this.server = server;
        String name = "find-scp-" + config.aeTitle() + "-" + server.getLocalPort() + "-" + INSTANCES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        // a few threads beyond the limit, so that associations over it still get their A-ASSOCIATE-RJ
        this.workers = new ThreadPoolExecutor(0, config.maxAssociations() + 2, 1, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-association-" + n.incrementAndGet());
                    t.setDaemon(true);
                    workerThreads.removeIf(w -> !w.isAlive() && w.getState() == Thread.State.TERMINATED);
                    workerThreads.add(t);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, name + "-acceptor");
        this.acceptor.setDaemon(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("{}: accept failed, SCP stops accepting: {}", this, e.toString(), e);
                }
                return;
            }
            ScpAssociation a = new ScpAssociation(this, s);
            live.add(a);
            if (closing) {
                a.closeQuietly();
                live.remove(a);
                return;
            }
            try {
                workers.execute(a);
            } catch (RejectedExecutionException e) {
                LOG.warn("{}: no thread for a new association from {}; connection closed", this,
                        s.getRemoteSocketAddress());
                live.remove(a);
                a.closeQuietly();
            }
        }
    }

    ScpConfig config() {
        return config;
    }

    boolean isClosing() {
        return closing;
    }

    void ended(ScpAssociation a) {
        live.remove(a);
    }

    /** The TCP port listened on (the chosen one when the builder asked for port 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** The address listened on. */
    public InetAddress address() {
        return server.getInetAddress();
    }

    /** The host to connect to: the bound address as text (e.g. 127.0.0.1). */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** The SCP's AE title (the called AE title requestors must use unless any is accepted). */
    public String aeTitle() {
        return config.aeTitle();
    }

    public ScpCounters counters() {
        return counters;
    }

    /** True until {@link #close()}. */
    public boolean isRunning() {
        return !closing;
    }

    /**
     * Stops the SCP: closes the server socket and every open association (their requestors see the connection
     * drop), interrupts running queries and waits up to 10 s for all of its threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("{}: closing server socket: {}", this, e.toString());
        }
        join(acceptor);
        for (ScpAssociation a : live) {
            a.closeQuietly();
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: association threads still running 10 s after close", this);
            }
            for (Thread t : workerThreads) {
                join(t);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("{} stopped: {}", this, counters);
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedFindScp " + config.aeTitle() + "@" + host() + ":" + port();
    }

    /** Configures and starts an {@link EmbeddedFindScp}. Only the data given decides which models are served. */
    public static final class Builder {
        private String aeTitle = "FINDSCP";
        private boolean checkCalledAeTitle = true;
        private Set<String> callingAeTitles = Set.of();
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private int maxPduLength = 16384;
        private int maxAssociations = 16;
        private List<TransferSyntax> transferSyntaxes = TransferSyntax.ALL;
        private DataSetSource worklist;
        private DataSetSource studies;
        private final Map<InformationModel, DataSetSource> flat = new EnumMap<>(InformationModel.class);
        private Set<InformationModel> queryRetrieveModels = Set.of(InformationModel.PATIENT_ROOT,
                InformationModel.STUDY_ROOT, InformationModel.PATIENT_STUDY_ONLY);
        private MatchingRules matchingRules = MatchingRules.DEFAULT;
        private ResponseCharacterSet worklistCharacterSet = ResponseCharacterSet.AS_STORED;
        private ResponseCharacterSet studiesCharacterSet = ResponseCharacterSet.QUERY;
        private Duration responseDelay = Duration.ZERO;
        private SupportedKeys supportedKeys = SupportedKeys.ALL;
        private java.util.Optional<String> retrieveAeTitle = java.util.Optional.empty();
        private FindStatusOverride statusOverride;
        private Duration acseTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout;
        private IdleAction idleAction = IdleAction.ABORT;
        private String implementationClassUid = UID.IMPLEMENTATION_CLASS_UID;
        private String implementationVersionName = UID.IMPLEMENTATION_VERSION_NAME;
        private DecodeLimits decodeLimits = DecodeLimits.DEFAULT;
        private io.dicomfind.dicom.net.tls.DicomTls tls;
        private boolean batchResponses;
        private Set<io.dicomfind.dicom.net.QueryOption> acceptedQueryOptions = Set.of();
        private List<io.dicomfind.dicom.net.pdu.ExtendedNegotiation> unsolicitedExtendedNegotiations = List.of();
        private UserIdentityCheck userIdentityCheck;
        private byte[] unsolicitedUserIdentityResponse;

        private Builder() {
        }

        /** The SCP's AE title (default {@code FINDSCP}). */
        public Builder aeTitle(String aeTitle) {
            this.aeTitle = AeTitle.validate(aeTitle, "SCP AE title");
            return this;
        }

        /**
         * Whether an A-ASSOCIATE-RQ must call {@link #aeTitle(String)} (default true); if not, it is rejected with
         * "called-AE-title-not-recognized" (PS3.8 9.3.4). False accepts any called AE title.
         */
        public Builder checkCalledAeTitle(boolean check) {
            this.checkCalledAeTitle = check;
            return this;
        }

        /** Accept only these calling AE titles (others: "calling-AE-title-not-recognized"); none = any. */
        public Builder callingAeTitles(String... titles) {
            Set<String> s = new LinkedHashSet<>();
            for (String t : titles) {
                s.add(AeTitle.validate(t, "calling AE title"));
            }
            this.callingAeTitles = Set.copyOf(s);
            return this;
        }

        /** The address to listen on (default the loopback address). */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The TCP port; 0 (default) picks a free one, see {@link EmbeddedFindScp#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The maximum PDU length we receive, declared in the A-ASSOCIATE-AC (PS3.8 D.1; 0 = no limit). */
        public Builder maxPdu(int maxPduLength) {
            if (maxPduLength != 0 && maxPduLength < 4096) {
                throw new IllegalArgumentException("maximum PDU length must be 0 (unlimited) or at least 4096: "
                        + maxPduLength);
            }
            this.maxPduLength = maxPduLength;
            return this;
        }

        /** Simultaneous associations (default 16); more are rejected (transient, local-limit-exceeded). */
        public Builder maxAssociations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAssociations must be at least 1: " + n);
            }
            this.maxAssociations = n;
            return this;
        }

        /**
         * The transfer syntaxes accepted (default all four: Implicit VR LE, Explicit VR LE, Deflated Explicit VR LE,
         * Explicit VR BE). For each presentation context the first proposed one in this set is chosen.
         */
        public Builder transferSyntaxes(TransferSyntax... syntaxes) {
            if (syntaxes.length == 0) {
                throw new IllegalArgumentException("at least one transfer syntax");
            }
            this.transferSyntaxes = List.copyOf(Arrays.asList(syntaxes));
            return this;
        }

        /** Serves Modality Worklist FIND from the files of a folder (e.g. a wlmscpfs AE directory). */
        public Builder worklist(Path folder) {
            return worklist(DataSetFolder.of(folder));
        }

        /** Serves Modality Worklist FIND from worklist items given in code. */
        public Builder worklist(List<Attributes> items) {
            return worklist(DataSetSource.of(items));
        }

        /**
         * Serves one of the models without levels other than the worklist ({@link InformationModel#HANGING_PROTOCOL},
         * {@link InformationModel#COLOR_PALETTE}, {@link InformationModel#UPS_PULL}) from data sets given in code,
         * matched as worklist items are (each data set as a whole, PS3.4 C.2.2).
         */
        public Builder serve(InformationModel model, List<Attributes> dataSets) {
            if (model.isHierarchical() || model == InformationModel.MODALITY_WORKLIST) {
                throw new IllegalArgumentException(model + " is served with studies(...) or worklist(...)");
            }
            flat.put(model, DataSetSource.of(dataSets));
            return this;
        }

        /** Serves Modality Worklist FIND from any source (streamed, e.g. generated items). */
        public Builder worklist(DataSetSource source) {
            this.worklist = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Serves the Query/Retrieve FIND models from the instance files (Part-10) of a folder. */
        public Builder studies(Path folder) {
            return studies(DataSetFolder.of(folder));
        }

        /** Serves the Query/Retrieve FIND models from instance data sets given in code. */
        public Builder studies(List<Attributes> instances) {
            return studies(DataSetSource.of(instances));
        }

        /** Serves the Query/Retrieve FIND models from any source of instance data sets. */
        public Builder studies(DataSetSource source) {
            this.studies = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Which Q/R models {@link #studies} serves (default Patient Root, Study Root, Patient/Study Only). */
        public Builder queryRetrieveModels(InformationModel... models) {
            Set<InformationModel> s = new LinkedHashSet<>(Arrays.asList(models));
            if (s.contains(InformationModel.MODALITY_WORKLIST)) {
                throw new IllegalArgumentException("the worklist is configured with worklist(...)");
            }
            this.queryRetrieveModels = Set.copyOf(s);
            return this;
        }

        /**
         * The Q/R keys matched and returned (default {@link SupportedKeys#ALL}); {@link SupportedKeys#DCMQRSCP}
         * answers exactly as dcmqrscp.
         */
        public Builder supportedKeys(SupportedKeys keys) {
            this.supportedKeys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public Builder matchingRules(MatchingRules rules) {
            this.matchingRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** Shorthand for {@link #matchingRules(MatchingRules)}: PN matching regardless of case. */
        public Builder caseInsensitivePersonNames(boolean b) {
            this.matchingRules = new MatchingRules(b);
            return this;
        }

        /** Character set of worklist responses (default {@link ResponseCharacterSet#AS_STORED}, as wlmscpfs -csk). */
        public Builder worklistCharacterSet(ResponseCharacterSet policy) {
            this.worklistCharacterSet = Objects.requireNonNull(policy);
            return this;
        }

        /** Character set of Q/R responses (default {@link ResponseCharacterSet#QUERY}, as dcmqrscp). */
        public Builder studiesCharacterSet(ResponseCharacterSet policy) {
            this.studiesCharacterSet = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Retrieve AE Title (0008,0054) added to every Q/R response, as dcmqrscp does: by default the SCP's own AE
         * title; null leaves it out.
         */
        public Builder retrieveAeTitle(String title) {
            this.retrieveAeTitle = title == null ? null
                    : java.util.Optional.of(AeTitle.validate(title, "retrieve AE title"));
            return this;
        }

        /** An artificial delay before each Pending response (C-CANCEL is still honoured while waiting). */
        public Builder responseDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
            this.responseDelay = delay;
            return this;
        }

        /**
         * For benchmarks (examples/benchmarks' BenchScp), off by default: the Pending responses of a C-FIND go out
         * with its final response, or whenever 64 KB have gathered, instead of one flush each; and, over plain TCP
         * without a {@link #responseDelay}, a C-CANCEL is looked for in the bytes already received before each
         * response instead of by a reader thread started per C-FIND. Fewer system calls, segments and thread
         * starts per query; a cancel then takes effect once its bytes are in when the next response is due.
         */
        public Builder batchResponses(boolean batch) {
            this.batchResponses = batch;
            return this;
        }

        /** Answers chosen C-FINDs with a status instead of searching (see {@link FindStatusOverride}). */
        public Builder statusOverride(FindStatusOverride override) {
            this.statusOverride = override;
            return this;
        }

        /** Shorthand: every C-FIND whose request satisfies {@code which} is answered with {@code status} only. */
        public Builder failQueries(Predicate<FindRequest> which, int status) {
            Objects.requireNonNull(which, "which");
            return statusOverride(r -> which.test(r) ? status : null);
        }

        /** How long a new connection may take to send its A-ASSOCIATE-RQ (default 30 s). */
        public Builder acseTimeout(Duration timeout) {
            this.acseTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Abort an association idle for this long between requests (default: never). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /** What to do at the {@link #idleTimeout(Duration)} (default {@link IdleAction#ABORT}). */
        public Builder idleAction(IdleAction action) {
            this.idleAction = Objects.requireNonNull(action);
            return this;
        }

        public Builder implementationClassUid(String uid) {
            this.implementationClassUid = Objects.requireNonNull(uid);
            return this;
        }

        public Builder implementationVersionName(String name) {
            if (name != null && name.length() > 16) {
                throw new IllegalArgumentException("implementation version name longer than 16: " + name);
            }
            this.implementationVersionName = name;
            return this;
        }

        /** Bounds on decoding received Identifiers. */
        public Builder decodeLimits(DecodeLimits limits) {
            this.decodeLimits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * Accept only DICOM TLS connections (PS3.15 Annex B) with this context: its profile, its certificate, and
         * client certificates required, asked for or ignored as its {@code PeerAuthentication} says. Null: plain TCP.
         */
        public Builder tls(io.dicomfind.dicom.net.tls.DicomTls tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The C-FIND extended negotiation features (PS3.4 C.5.1.1) this SCP accepts when asked: it answers each
         * requested sub-item of a Query/Retrieve FIND SOP class it serves with 1 for the requested ones in this set
         * and 0 for the others. Default: none, and no answer sub-item at all (as dcmqrscp and Orthanc). Accepting
         * a feature only says so: the matching itself stays the SCP's own.
         */
        public Builder acceptQueryOptions(io.dicomfind.dicom.net.QueryOption... options) {
            this.acceptedQueryOptions = Set.of(options);
            return this;
        }

        /** Sub-items sent in every A-ASSOCIATE-AC whether asked for or not: for tests of wary requestors. */
        public Builder unsolicitedExtendedNegotiation(io.dicomfind.dicom.net.pdu.ExtendedNegotiation... items) {
            this.unsolicitedExtendedNegotiations = List.of(items);
            return this;
        }

        /**
         * Checks every user identity (PS3.7 D.3.3.7): a refused one gets A-ASSOCIATE-RJ, an accepted one with a
         * positive response requested gets the check's server response. Null (default): identities are ignored
         * and never answered, as dcmqrscp does. A request without an identity is not checked.
         */
        public Builder userIdentityCheck(UserIdentityCheck check) {
            this.userIdentityCheck = check;
            return this;
        }

        /** A user identity server response sent in every A-ASSOCIATE-AC that has none, asked for or not. */
        public Builder unsolicitedUserIdentityResponse(byte[] response) {
            this.unsolicitedUserIdentityResponse = response == null ? null : response.clone();
            return this;
        }

        /** The SCP's configuration, for {@link EmbeddedFindScpExtension}; not started. */
        ScpConfig config() {
            KeyMatcher matcher = new KeyMatcher(matchingRules);
            Map<InformationModel, ScpConfig.Served> models = new EnumMap<>(InformationModel.class);
            if (worklist != null) {
                models.put(InformationModel.MODALITY_WORKLIST,
                        new ScpConfig.Served(worklist, new QueryEngine(matcher, worklistCharacterSet, null, SupportedKeys.ALL)));
            }
            for (Map.Entry<InformationModel, DataSetSource> e : flat.entrySet()) {
                models.put(e.getKey(), new ScpConfig.Served(e.getValue(),
                        new QueryEngine(matcher, worklistCharacterSet, null, SupportedKeys.ALL)));
            }
            if (studies != null) {
                QueryEngine engine = new QueryEngine(matcher, studiesCharacterSet,
                        retrieveAeTitle == null ? null : retrieveAeTitle.orElse(aeTitle), supportedKeys);
                for (InformationModel m : queryRetrieveModels) {
                    models.put(m, new ScpConfig.Served(studies, engine));
                }
            }
            return new ScpConfig(aeTitle, checkCalledAeTitle, callingAeTitles, maxPduLength, maxAssociations,
                    transferSyntaxes, Map.copyOf(models), responseDelay, statusOverride, acseTimeout, idleTimeout,
                    idleAction, implementationClassUid, implementationVersionName, decodeLimits, batchResponses,
                    new ScpNegotiation(acceptedQueryOptions, unsolicitedExtendedNegotiations, userIdentityCheck,
                            unsolicitedUserIdentityResponse));
        }

        /**
         * Binds the server socket and starts accepting.
         *
         * @throws IOException the port is taken or the address cannot be bound (the message names both)
         */
        public EmbeddedFindScp start() throws IOException {
            ScpConfig config = config();
            ServerSocket server = tls == null ? new ServerSocket() : tls.serverSocketFactory().createServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(bindAddress, port), 50);
            } catch (SocketException e) {
                server.close();
                throw new IOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": "
                        + e.getMessage(), e);
            }
            EmbeddedFindScp scp = new EmbeddedFindScp(config, server);
            scp.acceptor.start();
            LOG.debug("{} started, serving {}", scp, config.models().keySet());
            return scp;
        }
    }
}
