package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.TimedInputStream.DeadlineExpiredException;
import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.dimse.CommandField;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.net.pdu.AAssociateRq;
import io.dicomfind.dicom.net.pdu.AReleaseRp;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PduCodec;
import io.dicomfind.dicom.net.pdu.PduReader;
import io.dicomfind.dicom.net.pdu.Pdv;
import io.dicomfind.dicom.net.pdu.PresentationContextAc;
import io.dicomfind.dicom.net.pdu.PresentationContextRq;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM association requested by us (PS3.8 9.1, state machine 9.2): opened with {@link #open(AssociationConfig)},
 * then any number of sequential C-FINDs ({@link #find}) and C-ECHOs ({@link #echo()}), then {@link #release()} or
 * {@link #abort()}. One operation at a time; not thread-safe. The socket is closed on every path out: after a
 * release, an abort, a rejection and every error (a protocol error or a DIMSE timeout first sends an A-ABORT).
 *
 * <pre>{@code
 * try (Association as = Association.open(AssociationConfig.builder("pacs", 104).calledAeTitle("PACS").build());
 *      FindQuery q = as.find(SopClasses.MODALITY_WORKLIST_FIND, keys)) {
 *     for (FindResponse r : (Iterable<FindResponse>) () -> q) { ... }
 * }  // close(): cancels an unfinished query, then releases
 * }</pre>
 */
public final class Association implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private enum State { OPEN, RELEASED, ABORTED, CLOSED }

    /** The smallest peer maximum PDU length that can carry a message: one PDV header plus two bytes. */
    static final long MIN_PEER_MAX_PDU_LENGTH = 8;

    private final AssociationConfig config;
    private final Socket socket;
    private final TimedInputStream timedIn;
    private final PduReader reader;
    private final OutputStream out;
    private final PDataWriter pdataWriter;
    private final MessageAssembler assembler;
    private final ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
    private final List<PresentationContextResult> contexts = new ArrayList<>();
    private final PresentationContextResult[] byId = new PresentationContextResult[256];
    private AAssociateAc ac;
    private State state = State.CLOSED;
    private int lastMessageId;
    private FindQuery activeQuery;
    private String waitingFor = "A-ASSOCIATE-AC";

    private Association(AssociationConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.timedIn = new TimedInputStream(socket, socket.getInputStream(), config.socketTimeout());
        this.reader = new PduReader(new BufferedInputStream(timedIn, 64 * 1024), config.receiveBound());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.pdataWriter = new PDataWriter(out);
        int maxData = (int) Math.min(Integer.MAX_VALUE - 8, config.decodeLimits().maxDataSetLength());
        this.assembler = new MessageAssembler(this::nextPdv, this::acceptedSyntax, maxData);
    }

    /**
     * Connects and negotiates the association.
     *
     * @throws AssociationRejectedException    the peer sent A-ASSOCIATE-RJ (result, source, reason in words)
     * @throws AssociationAbortedException     the peer sent A-ABORT instead of answering
     * @throws AcseTimeoutException            no answer within the ACSE timeout
     * @throws NoPresentationContextException  accepted, but not a single proposed context (the association is
     *                                         released first); the message lists each context's result
     * @throws DicomNetworkException           connection refused, unknown host, connect timeout, protocol error
     */
    public static Association open(AssociationConfig config) throws IOException {
        Socket socket = config.socketFactory().createSocket();
        Association as;
        try {
            socket.setTcpNoDelay(true); // one write per message; never wait for Nagle (PEERS.md)
            int connectMs = config.connectTimeout() == null ? 0
                    : (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.connectTimeout().toMillis()));
            socket.connect(new InetSocketAddress(config.host(), config.port()), connectMs);
            as = new Association(config, socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw connectFailure(config, e);
        }
        try {
            as.negotiate();
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
        return as;
    }

    private static IOException connectFailure(AssociationConfig config, Exception e) {
        if (e instanceof DicomNetworkException dne) {
            return dne; // already in words, e.g. a TLS handshake failure from a TLS socket factory's connect
        }
        String where = "cannot connect to " + config.peerDescription();
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new DicomNetworkException(where + ": " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new DicomNetworkException(where + ": unknown host '" + config.host() + "'", e);
        }
        if (e instanceof IllegalArgumentException) {
            // e.g. a TLS socket refusing a protocol or cipher suite name: the JDK's message names it.
            return new DicomNetworkException(where + ": " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new DicomNetworkException(where + ": no connection within the connect timeout of "
                    + seconds(config.connectTimeout()), e);
        }
        return new DicomNetworkException(where + ": " + e, e);
    }

    // ------------------------------------------------------------------ negotiation (PS3.8 9.3.2, 9.3.3)

    private void negotiate() throws IOException {
        List<PresentationContextRq> pcs = new ArrayList<>();
        List<String> tsUids = config.proposal().transferSyntaxes().stream().map(TransferSyntax::uid).toList();
        for (int i = 0; i < config.abstractSyntaxes().size(); i++) {
            pcs.add(new PresentationContextRq(2 * i + 1, config.abstractSyntaxes().get(i), tsUids));
        }
        AAssociateRq rq = new AAssociateRq(config.calledAeTitle(), config.callingAeTitle(),
                SopClasses.APPLICATION_CONTEXT, pcs, new UserInformation(config.maxPduLength(),
                        config.implementationClassUid(), config.implementationVersionName()));
        LOG.debug("{} -> {}: A-ASSOCIATE-RQ calling {}, {} presentation context(s) {} with {}, max PDU {}",
                config.callingAeTitle(), config.peerDescription(), config.callingAeTitle(), pcs.size(),
                config.abstractSyntaxes(), config.proposal().option(), config.maxPduLength());
        state = State.OPEN; // for the error paths: the transport is up
        waitingFor = "A-ASSOCIATE-AC";
        try {
            writePdu(rq);
            timedIn.deadline(config.acseTimeout(), Timer.ACSE);
            Pdu pdu = reader.read();
            if (pdu == null) {
                throw new DicomNetworkException(where() + ": connection closed by peer instead of answering the "
                        + "A-ASSOCIATE-RQ");
            }
            if (pdu instanceof AAssociateRj rj) {
                LOG.debug("{}: A-ASSOCIATE-RJ {}", config.peerDescription(), rj.describe());
                state = State.CLOSED;
                closeQuietly(socket);
                throw new AssociationRejectedException("association rejected by " + config.peerDescription()
                        + " (calling AE '" + config.callingAeTitle() + "'): " + rj.describe(), rj);
            }
            if (!(pdu instanceof AAssociateAc)) {
                onUnexpected(pdu);
            }
            accept((AAssociateAc) pdu);
        } catch (IOException e) {
            throw failure(e);
        }
        if (contexts.stream().noneMatch(PresentationContextResult::accepted)) {
            NoPresentationContextException e = new NoPresentationContextException(config.peerDescription()
                    + " accepted the association but none of the proposed presentation contexts: "
                    + describeContexts(contexts), config.abstractSyntaxes().get(0));
            try {
                release();
            } catch (IOException ignored) {
                // the association was useless anyway; the socket is closed
            }
            throw e;
        }
    }

    private void accept(AAssociateAc ac) throws DicomProtocolException {
        this.ac = ac;
        if (!SopClasses.APPLICATION_CONTEXT.equals(ac.applicationContext())) {
            LOG.warn("{} answered with application context {}; continuing", config.peerDescription(),
                    ac.applicationContext());
        }
        if (ac.userInformation() == null) {
            throw new DicomProtocolException("A-ASSOCIATE-AC without User Information item (maximum length is "
                    + "mandatory, PS3.7 D.3.3.1)", DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        long peerMax = ac.userInformation().maxLength();
        if (peerMax != 0 && peerMax < MIN_PEER_MAX_PDU_LENGTH) {
            // PS3.8 D.1 sets no minimum, but a P-DATA-TF must hold a PDV item header (6 bytes) and an even
            // fragment (PS3.8 E.2): below 8 bytes not a single message could be sent, so fail now, clearly
            throw new DicomProtocolException("A-ASSOCIATE-AC declares a maximum PDU length of " + peerMax
                    + " bytes, too small for any P-DATA-TF (at least " + MIN_PEER_MAX_PDU_LENGTH
                    + ": 6-byte PDV header and a 2-byte fragment)",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        List<TransferSyntax> proposed = config.proposal().transferSyntaxes();
        for (int i = 0; i < config.abstractSyntaxes().size(); i++) {
            int id = 2 * i + 1;
            String as = config.abstractSyntaxes().get(i);
            PresentationContextAc pc = ac.context(id);
            int result = pc == null ? -1 : pc.result();
            TransferSyntax ts = null;
            if (pc != null && pc.accepted()) {
                ts = TransferSyntax.forUid(pc.transferSyntax());
                if (ts == null || !proposed.contains(ts)) {
                    throw new DicomProtocolException("presentation context " + id + " accepted with transfer "
                            + "syntax " + pc.transferSyntax() + ", which we did not propose",
                            DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
                }
            }
            PresentationContextResult r = new PresentationContextResult(id, as, proposed, result, ts);
            contexts.add(r);
            byId[id] = r;
        }
        for (PresentationContextAc pc : ac.presentationContexts()) {
            if (pc.id() > 255 || byId[pc.id()] == null) {
                LOG.warn("{}: A-ASSOCIATE-AC answers presentation context {} that was not proposed; ignored",
                        config.peerDescription(), pc.id());
            }
        }
        LOG.debug("{}: A-ASSOCIATE-AC max PDU {}, implementation {} {}, {}", config.peerDescription(),
                ac.userInformation().maxLength(), ac.userInformation().implementationClassUid(),
                ac.userInformation().implementationVersionName(), contexts);
    }

    static String describeContexts(List<PresentationContextResult> results) {
        return results.stream().map(PresentationContextResult::toString).collect(Collectors.joining("; "));
    }

    // ------------------------------------------------------------------ what was negotiated

    public AssociationConfig config() {
        return config;
    }

    /** True until released, aborted or failed. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Every proposed context with its result, in proposal order. */
    public List<PresentationContextResult> presentationContexts() {
        return List.copyOf(contexts);
    }

    /** The accepted context for an abstract syntax, or null. */
    public PresentationContextResult acceptedContext(String abstractSyntax) {
        for (PresentationContextResult r : contexts) {
            if (r.accepted() && r.abstractSyntax().equals(abstractSyntax)) {
                return r;
            }
        }
        return null;
    }

    /** The transfer syntax accepted for an abstract syntax, or null if it was not accepted. */
    public TransferSyntax transferSyntax(String abstractSyntax) {
        PresentationContextResult r = acceptedContext(abstractSyntax);
        return r == null ? null : r.transferSyntax();
    }

    /** The peer's maximum receive PDU length (PS3.8 D.1), 0 = no limit. */
    public long peerMaxPduLength() {
        return ac.userInformation().maxLength();
    }

    public String peerImplementationClassUid() {
        return ac.userInformation().implementationClassUid();
    }

    /** May be null: the sub-item is optional. */
    public String peerImplementationVersionName() {
        return ac.userInformation().implementationVersionName();
    }

    /** The A-ASSOCIATE-AC as received. */
    public AAssociateAc associateAc() {
        return ac;
    }

    /** "host:port (called AE 'X')". */
    public String peer() {
        return config.peerDescription();
    }

    // ------------------------------------------------------------------ operations

    /** A C-FIND with the configured priority, for the first proposed abstract syntax. */
    public FindQuery find(Attributes identifier) throws IOException {
        return find(config.abstractSyntaxes().get(0), identifier, config.priority());
    }

    public FindQuery find(String sopClassUid, Attributes identifier) throws IOException {
        return find(sopClassUid, identifier, config.priority());
    }

    /** How data sets are encoded on this association: findscu's {@code -u} and {@code +cl}, defined lengths. */
    public EncodeOptions encodeOptions() {
        return new EncodeOptions(config.newVRs(), false, config.deflateLevel());
    }

    /**
     * Sends a C-FIND-RQ (PS3.7 9.1.2) and returns the query whose responses are read lazily, one by one.
     *
     * @throws NoPresentationContextException the SOP class was not accepted (the association stays open)
     * @throws IllegalStateException          a previous query is unfinished, or the association is not open
     */
    public FindQuery find(String sopClassUid, Attributes identifier, Priority priority) throws IOException {
        PresentationContextResult pc = contextFor(sopClassUid);
        byte[] data = DataSetWriter.toBytes(identifier, pc.transferSyntax(), encodeOptions());
        if ((data.length & 1) != 0) {
            // a deflated stream may end on an odd byte; PDV fragments must be even (DCMTK refuses odd ones):
            // pad with one NUL after the end of the deflate stream, where the inflater never reads (PS3.5 A.5)
            data = java.util.Arrays.copyOf(data, data.length + 1);
        }
        int messageId = nextMessageId();
        send(pc.id(), CommandSet.cFindRq(messageId, sopClassUid, priority), data, "C-FIND-RQ");
        activeQuery = new FindQuery(this, pc.id(), pc.transferSyntax(), sopClassUid, messageId);
        return activeQuery;
    }

    /**
     * Runs a whole C-FIND, handing each response to {@code handler} as it arrives (nothing is collected).
     *
     * @return the final response
     */
    public FindResponse find(String sopClassUid, Attributes identifier, FindResponseHandler handler)
            throws IOException {
        try (FindQuery q = find(sopClassUid, identifier)) {
            FindResponse r;
            FindResponse last = null;
            while ((r = q.nextResponse()) != null) {
                last = r;
                if (!handler.onResponse(r) && r.isPending()) {
                    q.cancel();
                }
            }
            return last;
        }
    }

    /** C-ECHO (PS3.7 9.1.5) on the Verification context, which must have been proposed and accepted. */
    public DimseStatus echo() throws IOException {
        PresentationContextResult pc = contextFor(SopClasses.VERIFICATION);
        int messageId = nextMessageId();
        send(pc.id(), CommandSet.cEchoRq(messageId, SopClasses.VERIFICATION), null, "C-ECHO-RQ");
        String what = "C-ECHO-RSP (message ID " + messageId + ")";
        DimseMessage m = readMessage(what, config.dimseTimeout(), cmd -> false);
        Attributes cmd = m.command();
        checkResponse(m, pc.id(), CommandField.C_ECHO_RSP, messageId, what);
        return DimseStatus.fromCommand(status(cmd, what), cmd);
    }

    private PresentationContextResult contextFor(String abstractSyntax) throws IOException {
        ensureIdle();
        PresentationContextResult pc = acceptedContext(abstractSyntax);
        if (pc == null) {
            List<PresentationContextResult> forIt = contexts.stream()
                    .filter(r -> r.abstractSyntax().equals(abstractSyntax)).toList();
            throw new NoPresentationContextException(config.peerDescription() + ": no accepted presentation "
                    + "context for " + SopClasses.name(abstractSyntax) + " (" + abstractSyntax + "): "
                    + (forIt.isEmpty() ? "it was not proposed" : describeContexts(forIt)), abstractSyntax);
        }
        return pc;
    }

    private void ensureIdle() {
        if (state != State.OPEN) {
            throw new IllegalStateException("association with " + config.peerDescription() + " is "
                    + state.name().toLowerCase());
        }
        if (activeQuery != null && !activeQuery.isFinished()) {
            throw new IllegalStateException("C-FIND message ID " + activeQuery.messageId()
                    + " is still running on this association; read it to the end or close it first");
        }
    }

    /** PS3.7 9.3.1.1: unique among outstanding requests; we increment per request and skip 0 on wrap. */
    private int nextMessageId() {
        lastMessageId = lastMessageId >= 0xFFFF ? 1 : lastMessageId + 1;
        return lastMessageId;
    }

    // ------------------------------------------------------------------ release and abort

    /**
     * A-RELEASE (PS3.8 7.2): sends A-RELEASE-RQ, waits for A-RELEASE-RP within the ACSE timeout, closes the
     * transport. An unfinished query must have been closed first.
     */
    public void release() throws IOException {
        if (state != State.OPEN) {
            closeQuietly(socket);
            return;
        }
        if (activeQuery != null && !activeQuery.isFinished()) {
            throw new IllegalStateException("cannot release while C-FIND message ID " + activeQuery.messageId()
                    + " is running; close the query first");
        }
        waitingFor = "A-RELEASE-RP";
        try {
            LOG.debug("-> {}: A-RELEASE-RQ", config.peerDescription());
            writePdu(new AReleaseRq());
            timedIn.deadline(config.acseTimeout(), Timer.ACSE);
            while (true) {
                Pdu pdu = reader.read();
                if (pdu == null) {
                    throw new DicomNetworkException(where() + ": connection closed by peer before A-RELEASE-RP");
                }
                if (pdu instanceof AReleaseRp) {
                    LOG.debug("{}: A-RELEASE-RP", config.peerDescription());
                    break;
                }
                if (pdu instanceof AReleaseRq) {
                    // release collision (PS3.8 9.2.2, AR-8/AR-9): as requestor we answer and keep waiting
                    writePdu(new AReleaseRp());
                } else if (pdu instanceof PDataTf) {
                    LOG.debug("{}: P-DATA-TF after A-RELEASE-RQ ignored", config.peerDescription());
                } else {
                    onUnexpected(pdu);
                }
            }
            state = State.RELEASED;
        } catch (IOException e) {
            throw failure(e);
        } finally {
            closeQuietly(socket); // AR-3: the requestor closes after A-RELEASE-RP
        }
    }

    /** A-ABORT as service-user (findscu {@code --abort}); waits up to ARTIM for the peer to close. Never throws. */
    public void abort() {
        if (state == State.OPEN) {
            sendAbort(AAbort.SOURCE_SERVICE_USER, 0);
        }
        closeQuietly(socket);
    }

    /**
     * Ends the association gracefully: an unfinished query is cancelled and read to its end, then the association
     * is released. Does nothing if it already ended. The socket is closed in any case.
     */
    @Override
    public void close() throws IOException {
        try {
            if (state == State.OPEN && activeQuery != null && !activeQuery.isFinished()) {
                activeQuery.close();
            }
            if (state == State.OPEN) {
                release();
            }
        } finally {
            closeQuietly(socket);
        }
    }

    private void sendAbort(int source, int reason) {
        state = State.ABORTED;
        try {
            LOG.debug("-> {}: A-ABORT source {} reason {}", config.peerDescription(), source, reason);
            writePdu(new AAbort(source, reason));
            // AA-1: wait (ARTIM) for the peer to close the transport, discarding whatever still arrives
            socket.shutdownOutput();
            timedIn.deadline(config.artimTimeout(), Timer.ARTIM);
            byte[] sink = new byte[8192];
            while (timedIn.read(sink, 0, sink.length) >= 0) {
                // discard
            }
        } catch (IOException e) {
            LOG.debug("{}: after A-ABORT: {}", config.peerDescription(), e.toString());
        } finally {
            closeQuietly(socket);
        }
    }

    // ------------------------------------------------------------------ messages

    void send(int contextId, Attributes command, byte[] data, String what) throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException("association with " + config.peerDescription() + " is "
                    + state.name().toLowerCase());
        }
        byte[] cmd = CommandSet.encode(command);
        try {
            pdataWriter.write(contextId, cmd, data, ac.userInformation().maxLength());
        } catch (IOException e) {
            waitingFor = "sending " + what;
            throw failure(e);
        }
        LOG.debug("-> {}: {} on context {} ({} command bytes, {} data bytes)", config.peerDescription(), what,
                contextId, cmd.length, data == null ? "no" : data.length);
    }

    /** Reads the next complete message within {@code timeout} (null: none besides the socket timeout). */
    DimseMessage readMessage(String what, Duration timeout, Predicate<Attributes> undeclaredDataExpected)
            throws IOException {
        waitingFor = what;
        timedIn.deadline(timeout, Timer.DIMSE);
        try {
            DimseMessage m = assembler.read(undeclaredDataExpected);
            if (LOG.isDebugEnabled()) {
                LOG.debug("<- {}: {} on context {}, status {}, {} data bytes", config.peerDescription(),
                        CommandField.name(m.commandField()), m.contextId(),
                        String.format("%04X", CommandSet.getUS(m.command(), Tag.Status) & 0xFFFF),
                        m.dataSet() == null ? "no" : m.dataSet().length);
            }
            return m;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Validates command field, presentation context and Message ID Being Responded To of a response. */
    void checkResponse(DimseMessage m, int contextId, int commandField, int messageId, String what)
            throws IOException {
        int field = m.commandField();
        if (field != commandField) {
            throw protocolError("expected " + what + " but received " + CommandField.name(field), what);
        }
        int respondedTo = CommandSet.getUS(m.command(), Tag.MessageIDBeingRespondedTo);
        if (respondedTo != messageId) {
            throw protocolError(CommandField.name(field) + " answers message ID "
                    + (respondedTo < 0 ? "(missing)" : respondedTo) + " but our request had message ID "
                    + messageId, what);
        }
        if (m.contextId() != contextId) {
            throw protocolError(CommandField.name(field) + " arrived on presentation context " + m.contextId()
                    + " but the request was sent on " + contextId, what);
        }
    }

    /** The Status (0000,0900), which must be present and 2 bytes: never guess (a garbled status must not spin). */
    int status(Attributes cmd, String what) throws IOException {
        int status = CommandSet.getUS(cmd, Tag.Status);
        if (status < 0) {
            throw protocolError(CommandField.name(CommandSet.getUS(cmd, Tag.CommandField))
                    + " without a valid Status (0000,0900)", what);
        }
        return status;
    }

    /** A DIMSE-level error found after a message was read: abort (source 0) and return the exception to throw. */
    DicomNetworkException protocolError(String message, String what) {
        waitingFor = what;
        return failure(DicomProtocolException.dimse(message));
    }

    /**
     * A response guard of ours was exceeded ({@link AssociationConfig#maxResponses()}): abort (source 0, the DIMSE
     * user gives up) and return the exception to throw.
     */
    DicomNetworkException responseLimitExceeded(String message, String what) {
        waitingFor = what;
        ResponseLimitExceededException e = new ResponseLimitExceededException(where() + ": " + message
                + "; association aborted");
        sendAbort(AAbort.SOURCE_SERVICE_USER, 0);
        return e;
    }

    void queryFinished(FindQuery q) {
        if (activeQuery == q) {
            activeQuery = null;
        }
    }

    private Pdv nextPdv() throws IOException {
        while (pdvs.isEmpty()) {
            Pdu pdu = reader.read();
            if (pdu == null) {
                throw new DicomNetworkException(where() + ": connection closed by peer (A-P-ABORT)");
            }
            if (pdu instanceof PDataTf p) {
                LOG.trace("<- P-DATA-TF {}", p.pdvs());
                pdvs.addAll(p.pdvs());
            } else if (pdu instanceof AReleaseRq) {
                throw new DicomProtocolException("peer sent A-RELEASE-RQ while our request was outstanding",
                        DicomProtocolException.REASON_UNEXPECTED_PDU);
            } else {
                onUnexpected(pdu);
            }
        }
        return pdvs.poll();
    }

    private TransferSyntax acceptedSyntax(int contextId) {
        PresentationContextResult r = contextId < byId.length ? byId[contextId] : null;
        return r != null && r.accepted() ? r.transferSyntax() : null;
    }

    /** A-ABORT from the peer ends everything; any other PDU here is unexpected (PS3.8 9.2 state table). */
    private void onUnexpected(Pdu pdu) throws IOException {
        if (pdu instanceof AAbort a) {
            state = State.ABORTED;
            closeQuietly(socket);
            throw new AssociationAbortedException(where() + ": association " + a.describe(), a);
        }
        throw new DicomProtocolException("unexpected " + Pdu.typeName(pdu.type()),
                DicomProtocolException.REASON_UNEXPECTED_PDU);
    }

    private void writePdu(Pdu pdu) throws IOException {
        out.write(PduCodec.encode(pdu));
        out.flush();
    }

    private String where() {
        return config.peerDescription() + ", waiting for " + waitingFor;
    }

    /**
     * Maps any failure to the exception the caller sees and cleans up: a protocol error or a DIMSE timeout sends an
     * A-ABORT (then ARTIM), everything else just closes the transport. Afterwards the association is unusable.
     */
    private DicomNetworkException failure(IOException e) {
        DicomNetworkException result;
        if (e instanceof DicomProtocolException pe) {
            result = pe.withContext(where());
            sendAbort(pe.abortSource(), pe.abortReason());
        } else if (e instanceof DeadlineExpiredException de) {
            if (de.timer == Timer.DIMSE) {
                result = new DimseTimeoutException(where() + ": no response within the DIMSE timeout"
                        + (config.dimseTimeout() != null ? " of " + seconds(config.dimseTimeout()) : "")
                        + "; association aborted");
                sendAbort(AAbort.SOURCE_SERVICE_USER, 0);
            } else {
                result = new AcseTimeoutException(where() + ": no answer within the ACSE timeout of "
                        + seconds(config.acseTimeout()));
            }
        } else if (e instanceof SocketTimeoutException) {
            result = new DicomNetworkException(where() + ": nothing received for "
                    + seconds(config.socketTimeout()) + " (socket timeout)", e);
            sendAbort(AAbort.SOURCE_SERVICE_USER, 0);
        } else if (e instanceof DicomNetworkException dne) {
            result = dne;
        } else if (e instanceof EOFException) {
            result = new DicomNetworkException(where() + ": " + e.getMessage(), e);
        } else {
            result = new DicomNetworkException(where() + ": " + e, e);
        }
        if (state == State.OPEN) {
            state = State.CLOSED;
        }
        closeQuietly(socket);
        return result;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
