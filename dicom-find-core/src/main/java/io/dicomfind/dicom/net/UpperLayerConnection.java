package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.pdu.AAbort;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PduCodec;
import io.dicomfind.dicom.net.pdu.PduReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One association's transport connection as the DICOM Upper Layer sees it (PS3.8 9.1, state machine 9.2): PDUs in
 * and out under the ACSE, DIMSE and ARTIM timers, the association's state, what we are waiting for (every error
 * names it) and how the association ends on an error: A-ABORT where PS3.8 asks for one, then the transport is
 * closed.
 */
final class UpperLayerConnection {
    // Logged under Association's name: that is the logger users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    enum State { OPEN, RELEASED, ABORTED, CLOSED }

    private final AssociationConfig config;
    private final Socket socket;
    private final TimedInputStream timedIn;
    private final BufferedInputStream in;
    private final PduReader reader;
    private final OutputStream out;
    private State state = State.CLOSED;
    private String waitingFor = "A-ASSOCIATE-AC";

    /** {@code socket} is connected. */
    UpperLayerConnection(AssociationConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.timedIn = new TimedInputStream(socket, socket.getInputStream(), config.socketTimeout());
        this.in = new BufferedInputStream(timedIn, 64 * 1024);
        this.reader = new PduReader(in, config.receiveBound());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    // ------------------------------------------------------------------ state

    boolean isOpen() {
        return state == State.OPEN;
    }

    /** The transport is up and A-ASSOCIATE-RQ is about to go out: from here on errors end in A-ABORT. */
    void opened() {
        state = State.OPEN;
        waitingFor = "A-ASSOCIATE-AC";
    }

    /** A-ASSOCIATE-RJ received (PS3.8 9.2 AE-4): nothing left to release or abort. */
    void rejected() {
        state = State.CLOSED;
        close();
    }

    void released() {
        state = State.RELEASED;
    }

    /** For the operations that need an open association. */
    void ensureOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("association with " + config.peerDescription() + " is "
                    + state.name().toLowerCase());
        }
    }

    /** Names what we wait for (a PDU, a response) in the message of any error until the next call. */
    void waitingFor(String what) {
        waitingFor = what;
    }

    /** "peer, waiting for X": the start of every error message. */
    String where() {
        return config.peerDescription() + ", waiting for " + waitingFor;
    }

    // ------------------------------------------------------------------ PDUs

    void write(Pdu pdu) throws IOException {
        out.write(PduCodec.encode(pdu));
        out.flush();
    }

    /** The next PDU, or null if the peer closed the transport. */
    Pdu read() throws IOException {
        return reader.read();
    }

    /**
     * Whether bytes of a PDU have arrived that nobody asked for yet, without blocking: what the peer sent while the
     * association was idle. On a TLS socket only what was already decrypted counts.
     */
    boolean hasUnsolicitedInput() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true; // the next read reports what is wrong
        }
    }

    /** Starts {@code timer} (PS3.8 9.1.4); null: no deadline, only the socket timeout. */
    void deadline(Duration timeout, Timer timer) {
        timedIn.deadline(timeout, timer);
    }

    /** Where P-DATA-TF PDUs are written. */
    OutputStream output() {
        return out;
    }

    /** A-ABORT from the peer ends everything; any other PDU here is unexpected (PS3.8 9.2 state table). */
    IOException unexpected(Pdu pdu) {
        if (pdu instanceof AAbort a) {
            state = State.ABORTED;
            close();
            return new AssociationAbortedException(where() + ": association " + a.describe(), a);
        }
        return new DicomProtocolException("unexpected " + Pdu.typeName(pdu.type()),
                DicomProtocolException.REASON_UNEXPECTED_PDU);
    }

    // ------------------------------------------------------------------ ending

    /**
     * Maps any failure to the exception the caller sees and cleans up: a protocol error or a DIMSE timeout sends an
     * A-ABORT (then ARTIM), everything else just closes the transport. Afterwards the association is unusable.
     */
    DicomNetworkException failure(IOException e) {
        AssociationFailures.Failure f = AssociationFailures.of(e, where(), config);
        if (f.abort() != null) {
            abort(f.abort());
        }
        if (state == State.OPEN) {
            state = State.CLOSED;
        }
        close();
        return f.exception();
    }

    /** Sends A-ABORT and waits up to ARTIM for the peer to close (AA-1), then closes. Never throws. */
    void abort(AAbort abort) {
        state = State.ABORTED;
        try {
            LOG.debug("-> {}: A-ABORT source {} reason {}", config.peerDescription(), abort.source(),
                    abort.reason());
            write(abort);
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
            close();
        }
    }

    /** Closes the transport; any state. */
    void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
