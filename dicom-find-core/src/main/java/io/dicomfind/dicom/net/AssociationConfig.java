package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.net.pdu.AeTitle;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Everything needed to open an association as findscu does. Immutable; build with {@link #builder(String, int)}.
 * Defaults are findscu's: calling AE "FINDSCU", called AE "ANY-SCP", no connect timeout ({@code -to}), socket
 * timeout 60 s ({@code -ts}), ACSE timeout 30 s ({@code -ta}), no DIMSE timeout ({@code -td}), max receive PDU
 * 16384 ({@code -pdu}), proposal {@code -x=}, deflate level 6 ({@code +cl}), priority MEDIUM, Modality Worklist
 * FIND ({@code -W}), new VRs enabled ({@code +u}).
 */
public final class AssociationConfig {
    /** findscu's {@code -pdu} default. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 16384;
    /** What we accept per P-DATA-TF when we declare 0 ("no limit", PS3.8 D.1): still a bound. */
    public static final int DEFAULT_UNLIMITED_PDU_CAP = 16 << 20;
    /**
     * Decode limits for received identifiers: a C-FIND identifier is a few kilobytes, so 16 MiB per data set (and
     * per element) leaves room for any real one while a peer streaming data fragments cannot exhaust a small heap
     * (the data set is buffered before decoding; see docs/robustness.md). {@link DecodeLimits#DEFAULT} allows
     * 256 MiB, which is meant for files.
     */
    public static final DecodeLimits DEFAULT_DECODE_LIMITS = new DecodeLimits(16 << 20, 64, 16L << 20);

    private final String host;
    private final int port;
    private final String callingAeTitle;
    private final String calledAeTitle;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration acseTimeout;
    private final Duration dimseTimeout;
    private final Duration artimTimeout;
    private final int maxPduLength;
    private final int unlimitedPduCap;
    private final int maxResponses;
    private final TransferSyntaxProposal proposal;
    private final int deflateLevel;
    private final Priority priority;
    private final List<String> abstractSyntaxes;
    private final boolean newVRs;
    private final DecodeLimits decodeLimits;
    private final SocketFactory socketFactory;
    private final String implementationClassUid;
    private final String implementationVersionName;
    private final Set<QueryOption> queryOptions;
    private final List<CommonExtendedNegotiation> commonExtendedNegotiations;
    private final UserIdentity userIdentity;

    private AssociationConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.callingAeTitle = AeTitle.validate(b.callingAeTitle, "calling AE title");
        this.calledAeTitle = AeTitle.validate(b.calledAeTitle, "called AE title");
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        this.acseTimeout = b.acseTimeout;
        this.dimseTimeout = b.dimseTimeout;
        this.artimTimeout = b.artimTimeout;
        this.maxPduLength = b.maxPduLength;
        this.unlimitedPduCap = b.unlimitedPduCap;
        this.maxResponses = b.maxResponses;
        this.proposal = b.proposal;
        this.deflateLevel = b.deflateLevel;
        this.priority = b.priority;
        this.abstractSyntaxes = List.copyOf(b.abstractSyntaxes);
        this.newVRs = b.newVRs;
        this.decodeLimits = b.decodeLimits;
        this.socketFactory = b.socketFactory;
        this.implementationClassUid = b.implementationClassUid;
        this.implementationVersionName = b.implementationVersionName;
        // in byte order (an EnumSet), so that messages list the features as PS3.4 C.5.1.1 does
        this.queryOptions = b.queryOptions.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.queryOptions));
        this.commonExtendedNegotiations = b.commonExtendedNegotiations;
        this.userIdentity = b.userIdentity;
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(host, port);
        b.callingAeTitle = callingAeTitle;
        b.calledAeTitle = calledAeTitle;
        b.connectTimeout = connectTimeout;
        b.socketTimeout = socketTimeout;
        b.acseTimeout = acseTimeout;
        b.dimseTimeout = dimseTimeout;
        b.artimTimeout = artimTimeout;
        b.maxPduLength = maxPduLength;
        b.unlimitedPduCap = unlimitedPduCap;
        b.maxResponses = maxResponses;
        b.proposal = proposal;
        b.deflateLevel = deflateLevel;
        b.priority = priority;
        b.abstractSyntaxes = abstractSyntaxes;
        b.newVRs = newVRs;
        b.decodeLimits = decodeLimits;
        b.socketFactory = socketFactory;
        b.implementationClassUid = implementationClassUid;
        b.implementationVersionName = implementationVersionName;
        b.queryOptions = queryOptions;
        b.commonExtendedNegotiations = commonExtendedNegotiations;
        b.userIdentity = userIdentity;
        return b;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String callingAeTitle() {
        return callingAeTitle;
    }

    public String calledAeTitle() {
        return calledAeTitle;
    }

    /** Null: no timeout of our own (the operating system's). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Longest silence on the socket while reading; {@link Duration#ZERO}: none. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    public Duration acseTimeout() {
        return acseTimeout;
    }

    /** Null: unlimited. Restarted on every response. */
    public Duration dimseTimeout() {
        return dimseTimeout;
    }

    /** How long to wait for the peer to close the transport after we sent an A-ABORT (PS3.8 9.1.4, AA-1). */
    public Duration artimTimeout() {
        return artimTimeout;
    }

    /** Our maximum receive PDU length declared in the A-ASSOCIATE-RQ; 0 = no limit (PS3.8 D.1). */
    public int maxPduLength() {
        return maxPduLength;
    }

    /** The bound on a received P-DATA-TF when {@link #maxPduLength()} is 0. */
    public int unlimitedPduCap() {
        return unlimitedPduCap;
    }

    /** The largest P-DATA-TF PDU length we accept. */
    public int receiveBound() {
        return maxPduLength == 0 ? unlimitedPduCap : maxPduLength;
    }

    /**
     * The most Pending responses one C-FIND may deliver; 0 = no limit (findscu has none). The response after the
     * last allowed one, if it is Pending too, aborts the association with {@link ResponseLimitExceededException}:
     * the guard against an SCP that never sends a final status. To stop politely after N matches, cancel instead.
     */
    public int maxResponses() {
        return maxResponses;
    }

    public TransferSyntaxProposal proposal() {
        return proposal;
    }

    public int deflateLevel() {
        return deflateLevel;
    }

    public Priority priority() {
        return priority;
    }

    /** One presentation context is proposed per abstract syntax, with IDs 1, 3, 5 ... in this order. */
    public List<String> abstractSyntaxes() {
        return abstractSyntaxes;
    }

    public boolean newVRs() {
        return newVRs;
    }

    public DecodeLimits decodeLimits() {
        return decodeLimits;
    }

    public SocketFactory socketFactory() {
        return socketFactory;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public String implementationVersionName() {
        return implementationVersionName;
    }

    /**
     * The C-FIND extended negotiation asked for (PS3.4 C.5.1.1), sent for every proposed Query/Retrieve FIND SOP
     * class; empty (the default, as findscu): no sub-item.
     */
    public Set<QueryOption> queryOptions() {
        return queryOptions;
    }

    /** SOP Class Common Extended Negotiation sub-items to send (PS3.7 D.3.3.6); empty by default. */
    public List<CommonExtendedNegotiation> commonExtendedNegotiations() {
        return commonExtendedNegotiations;
    }

    /** The user identity to send (PS3.7 D.3.3.7), or null (the default: none). */
    public UserIdentity userIdentity() {
        return userIdentity;
    }

    /** "host:port (called AE 'X')" for error messages. */
    public String peerDescription() {
        return host + ":" + port + " (called AE '" + calledAeTitle + "')";
    }

    @Override
    public String toString() {
        return "AssociationConfig[" + callingAeTitle + " -> " + peerDescription() + ", maxPdu " + maxPduLength
                + ", " + proposal.option() + ", " + abstractSyntaxes + "]";
    }

    /** Fluent builder; {@link #build()} validates every value and names the offending one. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String callingAeTitle = "FINDSCU";
        private String calledAeTitle = "ANY-SCP";
        private Duration connectTimeout;
        private Duration socketTimeout = Duration.ofSeconds(60);
        private Duration acseTimeout = Duration.ofSeconds(30);
        private Duration dimseTimeout;
        private Duration artimTimeout = Duration.ofSeconds(5);
        private int maxPduLength = DEFAULT_MAX_PDU_LENGTH;
        private int unlimitedPduCap = DEFAULT_UNLIMITED_PDU_CAP;
        private int maxResponses;
        private TransferSyntaxProposal proposal = TransferSyntaxProposal.UNCOMPRESSED;
        private int deflateLevel = 6;
        private Priority priority = Priority.MEDIUM;
        private List<String> abstractSyntaxes = List.of(SopClasses.MODALITY_WORKLIST_FIND);
        private boolean newVRs = true;
        private DecodeLimits decodeLimits = DEFAULT_DECODE_LIMITS;
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private String implementationClassUid = UID.IMPLEMENTATION_CLASS_UID;
        private String implementationVersionName = UID.IMPLEMENTATION_VERSION_NAME;
        private Set<QueryOption> queryOptions = Set.of();
        private List<CommonExtendedNegotiation> commonExtendedNegotiations = List.of();
        private UserIdentity userIdentity;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("peer host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("peer port must be 1..65535, was " + port);
            }
            this.port = port;
        }

        public Builder callingAeTitle(String ae) {
            this.callingAeTitle = ae;
            return this;
        }

        public Builder calledAeTitle(String ae) {
            this.calledAeTitle = ae;
            return this;
        }

        /** Null for none. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positiveOrNull(d, "connect timeout");
            return this;
        }

        /** {@link Duration#ZERO} for none. */
        public Builder socketTimeout(Duration d) {
            Objects.requireNonNull(d, "socket timeout");
            if (d.isNegative()) {
                throw new IllegalArgumentException("socket timeout must not be negative");
            }
            this.socketTimeout = d;
            return this;
        }

        public Builder acseTimeout(Duration d) {
            this.acseTimeout = Objects.requireNonNull(positiveOrNull(d, "ACSE timeout"), "ACSE timeout");
            return this;
        }

        /** Null for unlimited. */
        public Builder dimseTimeout(Duration d) {
            this.dimseTimeout = positiveOrNull(d, "DIMSE timeout");
            return this;
        }

        public Builder artimTimeout(Duration d) {
            this.artimTimeout = Objects.requireNonNull(positiveOrNull(d, "ARTIM timeout"), "ARTIM timeout");
            return this;
        }

        /** 0 = no limit; otherwise at least 8 (room for one PDV header and 2 bytes); findscu allows 4096..131072. */
        public Builder maxPduLength(int n) {
            if (n != 0 && (n < 8 || n > unlimitedPduCap)) {
                throw new IllegalArgumentException("maximum PDU length must be 0 or 8.." + unlimitedPduCap
                        + ", was " + n);
            }
            this.maxPduLength = n;
            return this;
        }

        public Builder unlimitedPduCap(int n) {
            if (n < 8) {
                throw new IllegalArgumentException("PDU cap must be at least 8, was " + n);
            }
            this.unlimitedPduCap = n;
            return this;
        }

        /** 0 = no limit; see {@link AssociationConfig#maxResponses()}. */
        public Builder maxResponses(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maximum number of responses must be 0 (no limit) or positive, was "
                        + n);
            }
            this.maxResponses = n;
            return this;
        }

        public Builder proposal(TransferSyntaxProposal p) {
            this.proposal = Objects.requireNonNull(p, "proposal");
            return this;
        }

        public Builder deflateLevel(int level) {
            if (level < 0 || level > 9) {
                throw new IllegalArgumentException("compression level must be 0..9, was " + level);
            }
            this.deflateLevel = level;
            return this;
        }

        public Builder priority(Priority p) {
            this.priority = Objects.requireNonNull(p, "priority");
            return this;
        }

        public Builder abstractSyntaxes(List<String> uids) {
            if (uids.isEmpty() || uids.size() > 128) {
                throw new IllegalArgumentException("propose 1..128 abstract syntaxes, not " + uids.size());
            }
            this.abstractSyntaxes = List.copyOf(uids);
            return this;
        }

        public Builder abstractSyntaxes(String... uids) {
            return abstractSyntaxes(List.of(uids));
        }

        public Builder newVRs(boolean b) {
            this.newVRs = b;
            return this;
        }

        public Builder decodeLimits(DecodeLimits limits) {
            this.decodeLimits = Objects.requireNonNull(limits, "decode limits");
            return this;
        }

        /** E.g. an {@code SSLSocketFactory} for DICOM TLS (PS3.15 B.1); default plain TCP. */
        public Builder socketFactory(SocketFactory f) {
            this.socketFactory = Objects.requireNonNull(f, "socket factory");
            return this;
        }

        public Builder implementationClassUid(String uid) {
            this.implementationClassUid = Objects.requireNonNull(uid, "implementation class UID");
            return this;
        }

        public Builder implementationVersionName(String name) {
            if (name != null && name.length() > 16) {
                throw new IllegalArgumentException("implementation version name longer than 16: " + name);
            }
            this.implementationVersionName = name;
            return this;
        }

        /** The C-FIND extended negotiation to ask for (PS3.4 C.5.1.1); empty for none. */
        public Builder queryOptions(Set<QueryOption> options) {
            this.queryOptions = Set.copyOf(options);
            return this;
        }

        public Builder commonExtendedNegotiations(List<CommonExtendedNegotiation> items) {
            this.commonExtendedNegotiations = List.copyOf(items);
            return this;
        }

        /** Null for none. */
        public Builder userIdentity(UserIdentity identity) {
            this.userIdentity = identity;
            return this;
        }

        public AssociationConfig build() {
            return new AssociationConfig(this);
        }

        private static Duration positiveOrNull(Duration d, String what) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
