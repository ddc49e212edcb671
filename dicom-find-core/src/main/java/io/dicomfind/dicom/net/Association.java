package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.dimse.CommandField;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

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
    private final AssociationConfig config;
    private final UpperLayerConnection ul;
    private final AAssociateAc ac;
    private final List<PresentationContextResult> contexts;
    private final DimseExchange dimse;
    private final NegotiatedOptions options;
    private int lastMessageId;
    private FindQuery activeQuery;

    private Association(AssociationConfig config, UpperLayerConnection ul,
            AssociationEstablishment.Negotiated negotiated) {
        this.config = config;
        this.ul = ul;
        this.ac = negotiated.ac();
        this.contexts = negotiated.contexts();
        this.options = negotiated.options();
        this.dimse = new DimseExchange(config, ul, ac.userInformation().maxLength(), contexts);
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
        UpperLayerConnection ul;
        try {
            socket.setTcpNoDelay(true); // one write per message; never wait for Nagle (PEERS.md)
            int connectMs = config.connectTimeout() == null ? 0
                    : (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.connectTimeout().toMillis()));
            socket.connect(new InetSocketAddress(config.host(), config.port()), connectMs);
            ul = new UpperLayerConnection(config, socket);
        } catch (IOException | RuntimeException e) {
            UpperLayerConnection.closeQuietly(socket);
            throw AssociationFailures.connectFailure(config, e);
        }
        try {
            return new Association(config, ul, new AssociationEstablishment(config).negotiate(ul));
        } catch (IOException | RuntimeException e) {
            UpperLayerConnection.closeQuietly(socket);
            throw e;
        }
    }

    // ------------------------------------------------------------------ what was negotiated

    public AssociationConfig config() {
        return config;
    }

    /** True until released, aborted or failed. */
    public boolean isOpen() {
        return ul.isOpen();
    }

    /**
     * Whether another request may be sent now, checked without blocking: the association is open, no query is
     * running on it, and the peer sent nothing while it was idle. Something sent means the peer ends the
     * association: its A-RELEASE-RQ is answered with A-RELEASE-RP, an A-ABORT or a closed connection is accepted,
     * and this returns false with the transport closed. A connection the peer closed without a PDU cannot be seen
     * without blocking; the next request's first read reports it.
     */
    public boolean checkIdle() {
        if (!ul.isOpen() || activeQuery != null && !activeQuery.isFinished()) {
            return false;
        }
        if (!ul.hasUnsolicitedInput()) {
            return true;
        }
        AssociationRelease.peerEnded(ul, config);
        return false;
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

    /**
     * The extended negotiation and user identity asked for and what the acceptor accepted (PS3.7 D.3.3.5-D.3.3.7).
     */
    public NegotiatedOptions negotiatedOptions() {
        return options;
    }

    /** The C-FIND features accepted for a SOP class (PS3.4 C.5.1.1): never one we did not ask for. */
    public java.util.Set<QueryOption> acceptedQueryOptions(String sopClassUid) {
        return options.accepted(sopClassUid);
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
        dimse.send(pc.id(), CommandSet.cFindRq(messageId, sopClassUid, priority), data, "C-FIND-RQ");
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
        dimse.send(pc.id(), CommandSet.cEchoRq(messageId, SopClasses.VERIFICATION), null, "C-ECHO-RQ");
        String what = "C-ECHO-RSP (message ID " + messageId + ")";
        DimseMessage m = dimse.readMessage(what, config.dimseTimeout(), cmd -> false);
        Attributes cmd = m.command();
        dimse.checkResponse(m, pc.id(), CommandField.C_ECHO_RSP, messageId, what);
        return DimseStatus.fromCommand(dimse.status(cmd, what), cmd);
    }

    private PresentationContextResult contextFor(String abstractSyntax) throws IOException {
        ensureIdle();
        PresentationContextResult pc = acceptedContext(abstractSyntax);
        if (pc == null) {
            List<PresentationContextResult> forIt = contexts.stream()
                    .filter(r -> r.abstractSyntax().equals(abstractSyntax)).toList();
            throw new NoPresentationContextException(config.peerDescription() + ": no accepted presentation "
                    + "context for " + SopClasses.name(abstractSyntax) + " (" + abstractSyntax + "): "
                    + (forIt.isEmpty() ? "it was not proposed" : AssociationEstablishment.describeContexts(forIt)),
                    abstractSyntax);
        }
        return pc;
    }

    private void ensureIdle() {
        ul.ensureOpen();
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
        if (!ul.isOpen()) {
            ul.close();
            return;
        }
        if (activeQuery != null && !activeQuery.isFinished()) {
            throw new IllegalStateException("cannot release while C-FIND message ID " + activeQuery.messageId()
                    + " is running; close the query first");
        }
        AssociationRelease.release(ul, config);
    }

    /** A-ABORT as service-user (findscu {@code --abort}); waits up to ARTIM for the peer to close. Never throws. */
    public void abort() {
        if (ul.isOpen()) {
            ul.abort(AssociationFailures.userAbort());
        }
        ul.close();
    }

    /**
     * Ends the association gracefully: an unfinished query is cancelled and read to its end, then the association
     * is released. Does nothing if it already ended. The socket is closed in any case.
     */
    @Override
    public void close() throws IOException {
        try {
            if (ul.isOpen() && activeQuery != null && !activeQuery.isFinished()) {
                activeQuery.close();
            }
            if (ul.isOpen()) {
                release();
            }
        } finally {
            ul.close();
        }
    }

    // ------------------------------------------------------------------ for FindQuery

    /** The message layer: FindQuery sends its C-CANCEL-RQ and reads its responses through it. */
    DimseExchange dimse() {
        return dimse;
    }

    void queryFinished(FindQuery q) {
        if (activeQuery == q) {
            activeQuery = null;
        }
    }
}
