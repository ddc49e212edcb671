package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.DicomProtocolException;
import io.dicomfind.dicom.net.DimseStatus;
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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptor side of one association (PS3.8 9.1, state machine 9.2 from Sta2 on): reads the A-ASSOCIATE-RQ,
 * answers A-ASSOCIATE-AC or -RJ, then serves DIMSE requests one at a time (no asynchronous operations are
 * negotiated) until A-RELEASE-RQ (answered with A-RELEASE-RP), A-ABORT, a lost connection or a protocol error (which
 * sends A-ABORT). Runs on its own thread; the PDU and DIMSE codecs are the shared ones of the network layer.
 */
final class ScpAssociation implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScpAssociation.class);
    /** How long to wait for the requestor to close after our A-RELEASE-RP or A-ABORT (ARTIM, PS3.8 9.1.5). */
    private static final int ARTIM_MS = 1000;

    /** A-RELEASE-RQ arrived where a P-DATA-TF was expected. */
    private static final class ReleaseRequested extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The peer sent A-ABORT. */
    private static final class PeerAborted extends IOException {
        private static final long serialVersionUID = 1L;

        PeerAborted(AAbort a) {
            super(a.describe());
        }
    }

    private final EmbeddedFindScp scp;
    private final ScpConfig config;
    private final Socket socket;
    private final ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
    private final TransferSyntax[] contextSyntax = new TransferSyntax[256];
    private final String[] contextAbstractSyntax = new String[256];
    private BufferedInputStream in;
    private PduReader reader;
    private OutputStream out;
    private PDataWriter writer;
    private MessageAssembler assembler;
    private long peerMaxPduLength;
    private String callingAeTitle = "?";
    private boolean established;
    /** The next message, being read on a helper thread since a C-FIND started streaming; null when none is. */
    private PendingRead pending;
    /** While responses stream, a quiet requestor is normal: the helper's read does not time out (see peekIncoming). */
    private volatile boolean streaming;
    /** When the last C-FIND ended (System.nanoTime()), from which the idle timeout counts again. */
    private volatile long streamEnded;

    /** batchResponses: Pending responses are not flushed one by one ({@link #sendPending}). */
    private boolean holdFlushes;
    private final OutputStream heldFlushes = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!holdFlushes) {
                out.flush();
            }
        }
    };
    /** batchResponses over plain TCP: a C-CANCEL is looked for in the received bytes, without a reader thread. */
    private boolean pollForCancel;

    private boolean noDelay() {
        return config.responseDelay() == null || config.responseDelay().isZero();
    }

    ScpAssociation(EmbeddedFindScp scp, Socket socket) {
        this.scp = scp;
        this.config = scp.config();
        this.socket = socket;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void run() {
        String peer = socket.getRemoteSocketAddress().toString();
        try {
            socket.setTcpNoDelay(true); // one flush per message; never wait for Nagle (PEERS.md)
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            reader = new PduReader(in, config.receiveBound());
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            writer = new PDataWriter(config.batchResponses() ? heldFlushes : out);
            pollForCancel = config.batchResponses() && noDelay() && !(socket instanceof javax.net.ssl.SSLSocket);
            int maxData = (int) Math.min(Integer.MAX_VALUE - 8, config.decodeLimits().maxDataSetLength());
            assembler = new MessageAssembler(this::nextPdv, id -> contextSyntax[id & 0xFF], maxData);
            socket.setSoTimeout(millis(config.acseTimeout()));
            Pdu first = reader.read();
            if (first == null) {
                return; // connected and closed without a word (a port probe)
            }
            if (!(first instanceof AAssociateRq rq)) {
                throw new DicomProtocolException("expected A-ASSOCIATE-RQ, received " + Pdu.typeName(first.type()),
                        DicomProtocolException.REASON_UNEXPECTED_PDU);
            }
            if (!negotiate(rq)) {
                return;
            }
            socket.setSoTimeout(millis(config.idleTimeout()));
            serve();
        } catch (ReleaseRequested e) {
            release();
        } catch (PeerAborted e) {
            LOG.debug("{} ({}): association {}", callingAeTitle, peer, e.getMessage());
            countAborted();
        } catch (DicomProtocolException e) {
            LOG.warn("{} ({}): protocol error, sending A-ABORT: {}", callingAeTitle, peer, e.getMessage());
            sendAbort(e.abortSource(), e.abortReason());
            countAborted();
        } catch (SocketTimeoutException e) {
            if (established && config.idleAction() == IdleAction.RELEASE) {
                LOG.info("{} ({}): idle timeout, sending A-RELEASE-RQ", callingAeTitle, peer);
                releaseAsRequestor();
                return;
            }
            if (established && config.idleAction() == IdleAction.DROP) {
                LOG.info("{} ({}): idle timeout, closing the connection without a PDU", callingAeTitle, peer);
                countAborted();
                return; // the finally block closes the socket
            }
            LOG.info("{} ({}): {} timeout, sending A-ABORT", callingAeTitle, peer,
                    established ? "idle" : "ACSE");
            sendAbort(AAbort.SOURCE_SERVICE_PROVIDER, 0);
            countAborted();
        } catch (IOException | UncheckedIOException e) {
            if (!scp.isClosing()) {
                LOG.debug("{} ({}): connection ended: {}", callingAeTitle, peer, e.toString());
            }
            countAborted();
        } catch (RuntimeException e) {
            LOG.error("{} ({}): internal error, aborting the association", callingAeTitle, peer, e);
            sendAbort(AAbort.SOURCE_SERVICE_PROVIDER, 0);
            countAborted();
        } finally {
            if (established) {
                scp.counters().open.decrementAndGet();
            }
            closeQuietly();
            // the closed socket ends the helper's read at once; waiting for it leaves no thread behind close()
            if (pending != null && !pending.join(ARTIM_MS)) {
                LOG.warn("{} ({}): reader thread still running after the association closed", callingAeTitle, peer);
            }
            scp.ended(this);
        }
    }

    private void countAborted() {
        if (established) {
            scp.counters().aborted.incrementAndGet();
        }
    }

    private static int millis(Duration d) {
        return d == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    // ------------------------------------------------------------------ negotiation (PS3.8 9.3.2-9.3.4)

    private boolean negotiate(AAssociateRq rq) throws IOException {
        callingAeTitle = rq.callingAeTitle();
        ScpNegotiation.IdentityAnswer identity = config.negotiation().checkIdentity(rq);
        AAssociateRj reject = null;
        if (!UID.DICOMApplicationContext.equals(rq.applicationContext())) {
            reject = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, 1, 2);
        } else if (config.checkCalledAeTitle() && !config.aeTitle().equals(rq.calledAeTitle())) {
            reject = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, 1, 7);
        } else if (!config.callingAeTitles().isEmpty() && !config.callingAeTitles().contains(callingAeTitle)) {
            reject = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, 1, 3);
        } else if (identity.refused()) {
            // PS3.8 Table 9-21 has no reason for a refused identity: rejected-permanent, service-user, no reason
            reject = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, 1, 1);
        } else if (!reserveSlot()) {
            reject = new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT, 3, 2); // local-limit-exceeded
        } else {
            established = true; // counted as open from here; the finally block of run() uncounts it
        }
        if (reject != null) {
            LOG.info("{} -> {}: A-ASSOCIATE-RJ {}", callingAeTitle, rq.calledAeTitle(), reject.describe());
            scp.counters().rejected.incrementAndGet();
            writePdu(reject);
            awaitClose();
            return false;
        }
        List<PresentationContextAc> results = new ArrayList<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            results.add(choose(pc));
        }
        peerMaxPduLength = rq.userInformation() == null ? 0 : rq.userInformation().maxLength();
        if (peerMaxPduLength != 0 && peerMaxPduLength < 8) {
            throw new DicomProtocolException("maximum length " + peerMaxPduLength + " leaves no room for a PDV",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        ScpNegotiation negotiation = config.negotiation();
        AAssociateAc ac = new AAssociateAc(1, rq.calledAeTitle(), callingAeTitle, UID.DICOMApplicationContext,
                results, new UserInformation(config.maxPduLength(), config.implementationClassUid(),
                        config.implementationVersionName(), negotiation.answer(rq, this::serves), List.of(), null,
                        identity.response()));
        scp.counters().total.incrementAndGet();
        writePdu(ac);
        LOG.debug("{} -> {}: A-ASSOCIATE-AC {}", callingAeTitle, config.aeTitle(), results);
        return true;
    }

    private boolean serves(String sopClassUid) {
        InformationModel model = InformationModel.forSopClass(sopClassUid);
        return model != null && config.models().containsKey(model);
    }

    /** Counts this association as open unless the limit is reached (atomically: requestors may race). */
    private boolean reserveSlot() {
        while (true) {
            long open = scp.counters().open.get();
            if (open >= config.maxAssociations()) {
                return false;
            }
            if (scp.counters().open.compareAndSet(open, open + 1)) {
                return true;
            }
        }
    }

    /**
     * PS3.8 9.3.3.2: accept a context whose abstract syntax we serve with the first proposed transfer syntax we
     * support (the requestor's order is its preference); else reject with the reason.
     */
    private PresentationContextAc choose(PresentationContextRq pc) {
        String as = pc.abstractSyntax();
        InformationModel model = InformationModel.forSopClass(as);
        boolean served = UID.Verification.equals(as) || model != null && config.models().containsKey(model);
        if (!served) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    pc.transferSyntaxes().get(0));
        }
        for (String uid : pc.transferSyntaxes()) {
            TransferSyntax ts = TransferSyntax.forUid(uid);
            if (ts != null && config.transferSyntaxes().contains(ts)) {
                contextSyntax[pc.id()] = ts;
                contextAbstractSyntax[pc.id()] = as;
                return new PresentationContextAc(pc.id(), PresentationContextAc.ACCEPTANCE, uid);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                pc.transferSyntaxes().get(0));
    }

    // ------------------------------------------------------------------ DIMSE

    private void serve() throws IOException {
        while (true) {
            DimseMessage m = nextMessage();
            int field = m.commandField();
            switch (field) {
                case CommandField.C_ECHO_RQ -> echo(m);
                case CommandField.C_FIND_RQ -> {
                    try {
                        find(m);
                    } catch (ReleaseRequested e) {
                        throw new DicomProtocolException("A-RELEASE-RQ while a C-FIND was running",
                                DicomProtocolException.REASON_UNEXPECTED_PDU);
                    }
                }
                case CommandField.C_CANCEL_RQ ->
                    // PS3.7 9.3.2.3: a cancel may cross the final response; nothing is running any more
                    LOG.debug("{}: C-CANCEL-RQ for a finished operation ignored", callingAeTitle);
                default -> throw DicomProtocolException.dimse("received " + CommandField.name(field)
                        + ", which this SCP does not perform");
            }
        }
    }

    private void echo(DimseMessage m) throws IOException {
        int messageId = CommandSet.getUS(m.command(), Tag.MessageID);
        scp.counters().echoes.incrementAndGet();
        send(m.contextId(), CommandSet.cEchoRsp(messageId, UID.Verification, DimseStatus.SUCCESS), null);
    }

    private void find(DimseMessage m) throws IOException {
        scp.counters().queries.incrementAndGet();
        int ctx = m.contextId();
        Attributes cmd = m.command();
        int messageId = CommandSet.getUS(cmd, Tag.MessageID);
        String sopClass = cmd.getString(Tag.AffectedSOPClassUID);
        InformationModel model = InformationModel.forSopClass(sopClass);
        if (model == null || !sopClass.equals(contextAbstractSyntax[ctx]) || !config.models().containsKey(model)) {
            finalResponse(ctx, messageId, sopClass, 0x0122, "SOP Class " + sopClass + " not served on context "
                    + ctx);
            return;
        }
        if (m.dataSet() == null) {
            finalResponse(ctx, messageId, sopClass, FindFailure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "C-FIND-RQ without Identifier");
            return;
        }
        TransferSyntax ts = contextSyntax[ctx];
        Attributes keys;
        try {
            keys = DataSetReader.read(m.dataSet(), ts, config.decodeLimits());
        } catch (IOException e) {
            finalResponse(ctx, messageId, sopClass, FindFailure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "cannot decode Identifier: " + e.getMessage());
            return;
        }
        if (config.statusOverride() != null) {
            Integer forced = config.statusOverride().statusFor(new FindRequest(callingAeTitle, model, messageId,
                    keys));
            if (forced != null) {
                finalResponse(ctx, messageId, sopClass, forced, null);
                return;
            }
        }
        ScpConfig.Served served = config.models().get(model);
        Stream<Attributes> responses;
        try {
            responses = served.engine().find(model, keys, served.source());
        } catch (FindFailure f) {
            finalResponse(ctx, messageId, sopClass, f.status(), f.getMessage());
            return;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("{}: cannot open the data of {}", callingAeTitle, model, e);
            finalResponse(ctx, messageId, sopClass, FindFailure.UNABLE_TO_PROCESS, e.getMessage());
            return;
        }
        stream(ctx, messageId, sopClass, ts, responses);
    }

    /** Sends one Pending response per match as it is produced, checking for C-CANCEL before each. */
    private void stream(int ctx, int messageId, String sopClass, TransferSyntax ts, Stream<Attributes> responses)
            throws IOException {
        boolean complete;
        streaming = true;
        holdFlushes = config.batchResponses() && noDelay();
        try (responses) {
            complete = sendPending(ctx, messageId, sopClass, ts, responses.iterator());
        } finally {
            holdFlushes = false;
            streamEnded = System.nanoTime();
            streaming = false;
        }
        if (complete) {
            finalResponse(ctx, messageId, sopClass, DimseStatus.SUCCESS, null);
        }
    }

    /** The Pending responses; false if the query ended early (cancel, failure) with its final response sent. */
    private boolean sendPending(int ctx, int messageId, String sopClass, TransferSyntax ts, Iterator<Attributes> it)
            throws IOException {
        while (true) {
            if (cancelRequested(messageId) || delayCancelled(messageId)) {
                scp.counters().cancels.incrementAndGet();
                finalResponse(ctx, messageId, sopClass, DimseStatus.CANCEL, null);
                return false;
            }
            byte[] data;
            try {
                if (!it.hasNext()) {
                    return true;
                }
                data = encode(it.next(), ts);
            } catch (RuntimeException e) {
                LOG.warn("{}: C-FIND message ID {} failed", callingAeTitle, messageId, e);
                finalResponse(ctx, messageId, sopClass, FindFailure.UNABLE_TO_PROCESS, e.getMessage());
                return false;
            }
            send(ctx, CommandSet.cFindRsp(messageId, sopClass, DimseStatus.PENDING, true, null), data);
            scp.counters().pending.incrementAndGet();
        }
    }

    private static byte[] encode(Attributes identifier, TransferSyntax ts) {
        try {
            byte[] data = DataSetWriter.toBytes(identifier, ts, EncodeOptions.DEFAULT);
            // PDV fragments are even (PS3.8 Annex E); a deflate stream may end on an odd byte: pad after its end
            return (data.length & 1) != 0 ? java.util.Arrays.copyOf(data, data.length + 1) : data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode response: " + e.getMessage(), e);
        }
    }

    /** The artificial delay before a response; true if a C-CANCEL arrived meanwhile. */
    private boolean delayCancelled(int messageId) throws IOException {
        Duration delay = config.responseDelay();
        if (delay == null || delay.isZero()) {
            return false;
        }
        long end = System.nanoTime() + delay.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            if (cancelRequested(messageId)) {
                return true;
            }
            pending.await(left); // wakes as soon as a message (or the end of the connection) arrives
        }
        return false;
    }

    /**
     * Without blocking: whether a C-CANCEL-RQ for {@code messageId} has arrived (PS3.7 9.3.2.3). The next message
     * is read on a helper thread (see {@link PendingRead}); on return {@code false} such a read is under way.
     * Any other request while the C-FIND runs is a protocol error (no asynchronous operations were negotiated);
     * A-ABORT, A-RELEASE-RQ and a lost connection are thrown as the association's own reads would throw them.
     */
    private boolean cancelRequested(int messageId) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("SCP stopping");
        }
        DimseMessage m;
        if (pollForCancel) {
            // plain TCP: received bytes are readable bytes (unlike TLS records, see PendingRead)
            if (pdvs.isEmpty() && in.available() == 0) {
                return false;
            }
            m = assembler.read(cmd -> false);
        } else {
            if (pending == null) {
                pending = PendingRead.start(Thread.currentThread().getName() + "-reader", this::readWhileStreaming);
                return false;
            }
            if (!pending.isDone()) {
                return false;
            }
            m = nextMessage();
        }
        if (m.commandField() != CommandField.C_CANCEL_RQ) {
            throw DicomProtocolException.dimse("received " + CommandField.name(m.commandField())
                    + " while C-FIND message ID " + messageId + " was running (no asynchronous operations)");
        }
        int target = CommandSet.getUS(m.command(), Tag.MessageIDBeingRespondedTo);
        if (target != messageId) {
            LOG.debug("{}: C-CANCEL-RQ for message ID {} ignored, running is {}", callingAeTitle, target, messageId);
            return false;
        }
        return true;
    }

    /** The next request: the one the helper thread read (or is reading), else read here. */
    private DimseMessage nextMessage() throws IOException {
        if (pending == null) {
            return assembler.read(cmd -> false);
        }
        PendingRead p = pending;
        pending = null;
        return p.result();
    }

    /** The helper thread's read: waits for the first byte without the idle timeout while the C-FIND runs. */
    private DimseMessage readWhileStreaming() throws IOException {
        if (pdvs.isEmpty()) {
            peekIncoming();
        }
        return assembler.read(cmd -> false);
    }

    /**
     * Waits until a byte has arrived, without consuming it. The socket's timeout is the idle timeout (PS3.8 9.1.5
     * leaves its value to us): it must not end an association whose requestor waits quietly for responses, so a
     * timeout while responses stream is ignored, and once they ended the idle time counts from their end. Only here,
     * before a PDU begins, is a timeout harmless to retry; within a PDU it ends the association as before.
     */
    private void peekIncoming() throws IOException {
        int idle = millis(config.idleTimeout());
        try {
            while (true) {
                in.mark(1);
                try {
                    if (in.read() >= 0) {
                        in.reset();
                    }
                    return; // a byte, or the end of the stream, which the PDU reader reports
                } catch (SocketTimeoutException e) {
                    if (!streaming) {
                        long left = idle - (System.nanoTime() - streamEnded) / 1_000_000;
                        if (left <= 0) {
                            throw e;
                        }
                        socket.setSoTimeout((int) left);
                    }
                }
            }
        } finally {
            if (idle > 0) {
                socket.setSoTimeout(idle);
            }
        }
    }

    private void finalResponse(int ctx, int messageId, String sopClass, int status, String comment)
            throws IOException {
        holdFlushes = false; // the final response takes the held Pending responses with it
        send(ctx, CommandSet.cFindRsp(messageId, sopClass, status, false, comment), null);
    }

    private void send(int ctx, Attributes command, byte[] data) throws IOException {
        writer.write(ctx, CommandSet.encode(command), data, peerMaxPduLength);
    }

    private Pdv nextPdv() throws IOException {
        while (pdvs.isEmpty()) {
            Pdu pdu = reader.read();
            if (pdu == null) {
                throw new EOFException("connection closed by the requestor without A-RELEASE (A-P-ABORT)");
            }
            if (pdu instanceof PDataTf p) {
                pdvs.addAll(p.pdvs());
            } else if (pdu instanceof AReleaseRq) {
                throw new ReleaseRequested();
            } else if (pdu instanceof AAbort a) {
                throw new PeerAborted(a);
            } else {
                throw new DicomProtocolException("unexpected " + Pdu.typeName(pdu.type()) + " on an established "
                        + "association", DicomProtocolException.REASON_UNEXPECTED_PDU);
            }
        }
        return pdvs.poll();
    }

    // ------------------------------------------------------------------ release and abort

    private void release() {
        try {
            writePdu(new AReleaseRp());
            scp.counters().released.incrementAndGet();
            awaitClose(); // the requestor closes the transport after A-RELEASE-RP (PS3.8 9.2, AR-3)
        } catch (IOException e) {
            LOG.debug("{}: after A-RELEASE-RP: {}", callingAeTitle, e.toString());
        }
    }

    /**
     * Release requested by us, the acceptor (PS3.8 9.2 AR-1 to AR-3): A-RELEASE-RQ, then A-RELEASE-RP within the
     * ACSE timeout (answering a collision on the way), then we close. Anything else ends it as a lost connection.
     */
    private void releaseAsRequestor() {
        try {
            writePdu(new AReleaseRq());
            socket.setSoTimeout(millis(config.acseTimeout()));
            while (true) {
                Pdu pdu = reader.read();
                if (pdu instanceof AReleaseRp) {
                    scp.counters().released.incrementAndGet();
                    return;
                }
                if (pdu instanceof AReleaseRq) {
                    writePdu(new AReleaseRp()); // collision (PS3.8 9.2.2): as acceptor we answer, then wait
                } else if (!(pdu instanceof PDataTf)) {
                    break; // closed, aborted or a stray PDU: no orderly release
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: after A-RELEASE-RQ: {}", callingAeTitle, e.toString());
        }
        countAborted();
    }

    private void sendAbort(int source, int reason) {
        try {
            writePdu(new AAbort(source, reason));
            awaitClose();
        } catch (IOException e) {
            LOG.debug("{}: sending A-ABORT: {}", callingAeTitle, e.toString());
        }
    }

    /** Waits up to ARTIM for the peer to close its side, discarding what still arrives. */
    private void awaitClose() throws IOException {
        socket.shutdownOutput();
        if (pending != null && !pending.await(ARTIM_MS * 1_000_000L)) {
            return; // the helper thread still reads: ARTIM expired; closing the socket ends its read
        }
        socket.setSoTimeout(ARTIM_MS);
        byte[] sink = new byte[8192];
        try {
            while (socket.getInputStream().read(sink) >= 0) {
                // discard
            }
        } catch (SocketTimeoutException e) {
            // ARTIM expired: close anyway
        }
    }

    private void writePdu(Pdu pdu) throws IOException {
        out.write(PduCodec.encode(pdu));
        out.flush();
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
