package io.dicomfind.dicom.net.hostile;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake SCP on loopback that misbehaves on purpose. Each accepted connection runs one {@link Behaviour}: the one set
 * with {@link #next(Behaviour)} for the next connection only, otherwise {@link #GOOD} (a correct worklist SCP that
 * answers every C-FIND with one match, "GOOD^PATIENT", then Success). Valid parts are built with the project's own
 * PDU and DIMSE codecs, broken ones byte by byte.
 *
 * <p>After a behaviour returns, the session keeps reading what the client sends (recording whole PDUs, e.g. its
 * A-ABORT) until the client closes or {@link #DRAIN_LIMIT_MS} passes, then closes its socket: so a behaviour that
 * "stalls" simply returns without answering.
 */
public final class HostileScp implements AutoCloseable {
    /** What the SCP does on one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void run(Peer p) throws Exception;
    }

    /** Thread names start with this, so that leak checks can tell the fixture's threads from the client's. */
    public static final String THREAD_PREFIX = "hostile-scp";
    public static final long DRAIN_LIMIT_MS = 20_000;
    public static final String GOOD_NAME = "GOOD^PATIENT";

    /** A correct SCP: accepts everything, one match per C-FIND, answers C-ECHO and A-RELEASE-RQ. */
    public static final Behaviour GOOD = p -> {
        p.accept();
        p.serveGood();
    };

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger sessionCount = new AtomicInteger();
    private final List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
    private volatile Behaviour next;

    private HostileScp() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HostileScp start() throws IOException {
        return new HostileScp();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The behaviour for the next connection only; later ones get {@link #GOOD}. */
    public void next(Behaviour b) {
        this.next = b;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Behaviour b = next != null ? next : GOOD;
            next = null;
            Session s = new Session(socket, b, sessionCount.incrementAndGet());
            sessions.add(s);
            s.thread.start();
        }
    }

    /** The most recent session (connection), or null. */
    public Session lastSession() {
        synchronized (sessions) {
            return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
        }
    }

    /** Waits until every session has closed its socket and ended; fails if one is still running. */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<Session> copy;
        synchronized (sessions) {
            copy = new ArrayList<>(sessions);
        }
        for (Session s : copy) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            s.thread.join(Math.max(1, left));
            if (s.thread.isAlive()) {
                throw new AssertionError("hostile SCP session " + s.number + " still running after "
                        + timeoutMillis + " ms");
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sessions) {
            for (Session s : sessions) {
                s.closeSocket();
            }
        }
    }

    /** One connection. */
    public final class Session {
        final int number;
        final Thread thread;
        final Socket socket;
        final Behaviour behaviour;
        /** PDUs the client sent after the behaviour returned (its A-ABORT, A-RELEASE-RQ ...). */
        public final List<Pdu> received = Collections.synchronizedList(new ArrayList<>());
        /** Whatever the behaviour threw (hostile behaviours often end with a write to a closed socket). */
        public volatile Throwable failure;

        Session(Socket socket, Behaviour behaviour, int number) {
            this.socket = socket;
            this.behaviour = behaviour;
            this.number = number;
            this.thread = new Thread(this::run, THREAD_PREFIX + "-session-" + number);
            this.thread.setDaemon(true);
        }

        private void run() {
            try {
                Peer p = new Peer(this);
                try {
                    behaviour.run(p);
                } catch (Throwable t) {
                    failure = t;
                }
                if (!socket.isClosed()) {
                    p.drain();
                }
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            } finally {
                closeSocket();
            }
        }

        void closeSocket() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** The behaviour's view of the connection: read the client, write valid or broken bytes, stall, reset. */
    public static final class Peer {
        private final Session session;
        public final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final PduReader reader;
        private final ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
        private final MessageAssembler assembler;
        /** What the client proposed. */
        public AAssociateRq rq;
        /** The client's maximum receive PDU length. */
        public long clientMaxPdu = 16384;
        /** Transfer syntax of the accepted contexts (first proposed). */
        public TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        /** Message ID of the last request read. */
        public int messageId;

        Peer(Session session) throws IOException {
            this.session = session;
            this.socket = session.socket;
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            this.reader = new PduReader(in, 1 << 20);
            this.assembler = new MessageAssembler(() -> {
                while (pdvs.isEmpty()) {
                    Pdu p = readPdu();
                    if (!(p instanceof PDataTf d)) {
                        throw new IOException("hostile SCP expected P-DATA-TF, got " + p);
                    }
                    pdvs.addAll(d.pdvs());
                }
                return pdvs.poll();
            }, id -> ts, 1 << 20);
        }

        // ------------------------------------------------------------ reading the client

        public Pdu readPdu() throws IOException {
            Pdu p = reader.read();
            if (p == null) {
                throw new IOException("client closed the connection");
            }
            return p;
        }

        public AAssociateRq readRq() throws IOException {
            rq = (AAssociateRq) readPdu();
            clientMaxPdu = rq.userInformation().maxLength();
            ts = TransferSyntax.forUid(rq.presentationContexts().get(0).transferSyntaxes().get(0));
            return rq;
        }

        /** Reads one DIMSE request and remembers its Message ID. */
        public DimseMessage readRequest() throws IOException {
            DimseMessage m = assembler.read(c -> false);
            int id = CommandSet.getUS(m.command(), Tag.MessageID);
            if (id >= 0) {
                messageId = id;
            }
            return m;
        }

        // ------------------------------------------------------------ association

        /** The AC a correct SCP sends for {@link #rq}: every context accepted with its first transfer syntax. */
        public AAssociateAc goodAc(long maxPdu) {
            List<PresentationContextAc> pcs = new ArrayList<>();
            for (PresentationContextRq pc : rq.presentationContexts()) {
                pcs.add(new PresentationContextAc(pc.id(), 0, pc.transferSyntaxes().get(0)));
            }
            return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(), pcs,
                    new UserInformation(maxPdu, "1.2.826.0.1.3680043.10.1", "HOSTILE"));
        }

        /** Reads the A-ASSOCIATE-RQ and accepts every context. */
        public AAssociateRq accept() throws IOException {
            readRq();
            send(goodAc(16384));
            return rq;
        }

        /** Accepts, then reads the C-FIND-RQ (its Message ID in {@link #messageId}). */
        public DimseMessage acceptAndReadFind() throws IOException {
            accept();
            return readRequest();
        }

        /** Behaves correctly from here on: answers requests until A-RELEASE-RQ, then A-RELEASE-RP. */
        public void serveGood() throws IOException {
            while (true) {
                Pdu p = reader.read();
                if (p == null) {
                    return;
                }
                if (p instanceof AReleaseRq) {
                    send(new AReleaseRp());
                    return;
                }
                if (!(p instanceof PDataTf d)) {
                    throw new IOException("good SCP got unexpected " + p);
                }
                pdvs.addAll(d.pdvs());
                DimseMessage m = readRequest();
                int field = CommandSet.getUS(m.command(), Tag.CommandField);
                if (field == 0x0020) {
                    sendMessage(1, findRsp(messageId, 0xFF00, 0x0000), patient(GOOD_NAME));
                    sendMessage(1, findRsp(messageId, 0x0000, 0x0101), null);
                } else if (field == 0x0030) {
                    Attributes rsp = new Attributes();
                    rsp.setString(Tag.AffectedSOPClassUID, VR.UI, SopClasses.VERIFICATION);
                    rsp.setInt(Tag.CommandField, VR.US, 0x8030);
                    rsp.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageId);
                    rsp.setInt(Tag.CommandDataSetType, VR.US, 0x0101);
                    rsp.setInt(Tag.Status, VR.US, 0);
                    sendMessage(m.contextId(), rsp, null);
                } else if (field == 0x0FFF) {
                    sendMessage(1, findRsp(CommandSet.getUS(m.command(), Tag.MessageIDBeingRespondedTo), 0xFE00,
                            0x0101), null);
                }
            }
        }

        // ------------------------------------------------------------ writing

        public void send(Pdu pdu) throws IOException {
            sendRaw(PduCodec.encode(pdu));
        }

        public void sendRaw(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        /** A well-formed message in {@link #ts}, fragmented for the client's maximum PDU. */
        public void sendMessage(int ctx, Attributes cmd, Attributes data) throws IOException {
            byte[] d = data == null ? null : DataSetWriter.toBytes(data, ts, EncodeOptions.DEFAULT);
            sendEncoded(ctx, cmd, d);
        }

        /** A message whose data set is given already encoded (possibly broken). */
        public void sendEncoded(int ctx, Attributes cmd, byte[] data) throws IOException {
            new PDataWriter(out).write(ctx, CommandSet.encode(cmd), data, clientMaxPdu);
        }

        /** One P-DATA-TF with the given PDVs. */
        public void sendPdvs(Pdv... pdvs) throws IOException {
            send(new PDataTf(List.of(pdvs)));
        }

        // ------------------------------------------------------------ misbehaving in time

        /**
         * Writes {@code b} one byte per {@code intervalMillis}, stopping early when the client closes (the waits are
         * reads with a timeout, so a client A-ABORT is noticed at once).
         */
        public void trickle(byte[] b, long intervalMillis) throws IOException {
            for (byte x : b) {
                out.write(x);
                out.flush();
                if (!waitForClient(intervalMillis)) {
                    return;
                }
            }
        }

        /** Sleeps up to {@code millis} while watching the client: false if the client closed meanwhile. */
        private boolean waitForClient(long millis) throws IOException {
            socket.setSoTimeout((int) millis);
            try {
                Pdu p = reader.read();
                if (p == null) {
                    return false;
                }
                session.received.add(p);
                return true; // e.g. its A-ABORT: the next write will fail or the close follows
            } catch (SocketTimeoutException e) {
                return true;
            } catch (SocketException e) {
                return false;
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(0);
                }
            }
        }

        /** Closes with TCP RST (SO_LINGER 0): the client sees "connection reset". */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Closes normally (FIN). */
        public void close() throws IOException {
            socket.close();
        }

        /** Reads and records what the client sends until it closes (used after every behaviour). */
        void drain() {
            try {
                socket.setSoTimeout((int) DRAIN_LIMIT_MS);
                while (true) {
                    Pdu p = reader.read();
                    if (p == null) {
                        return;
                    }
                    session.received.add(p);
                }
            } catch (IOException e) {
                // the client closed or reset: done
            }
        }
    }

    // ---------------------------------------------------------------- message parts

    /** A C-FIND-RSP command; {@code status} -1 leaves the Status out. */
    public static Attributes findRsp(int messageId, int status, int dataSetType) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, SopClasses.MODALITY_WORKLIST_FIND);
        cmd.setInt(Tag.CommandField, VR.US, 0x8020);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageId);
        if (dataSetType >= 0) {
            cmd.setInt(Tag.CommandDataSetType, VR.US, dataSetType);
        }
        if (status >= 0) {
            cmd.setInt(Tag.Status, VR.US, status);
        }
        return cmd;
    }

    public static Attributes patient(String name) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, name);
        return a;
    }

    /** A PDV over a whole array. */
    public static Pdv pdv(int ctx, int header, byte[] b) {
        return new Pdv(ctx, header, b, 0, b.length);
    }

    /** 6-byte PDU header: type, reserved, 32-bit big-endian length. */
    public static byte[] pduHeader(int type, long length) {
        return new byte[] {(byte) type, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, o, p.length);
            o += p.length;
        }
        return r;
    }
}
