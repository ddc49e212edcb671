package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.dimse.CommandField;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AAbort;
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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal, fast C-FIND SCP for tests that need what no real peer here offers: a huge generated result streamed
 * without building it first (the 100,000-response heap test), a fixed delay before each Pending response (to see
 * exchanges routed while the C-FIND is still running) and a record of C-CANCELs received. It answers every C-FIND
 * with {@link #matches} generated patients ({@code STREAM^P<n>}, PatientID {@code P<n>}), honours C-CANCEL between
 * responses with FE00, answers C-ECHO, A-RELEASE and A-ABORT. Not a DICOM implementation to rely on: it matches
 * nothing (every query gets every patient).
 */
final class StreamingFindScp implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    volatile int matches;
    volatile Duration responseDelay = Duration.ZERO;
    final AtomicInteger associations = new AtomicInteger();
    final AtomicInteger cancelsReceived = new AtomicInteger();
    final AtomicInteger queries = new AtomicInteger();
    final AtomicLong pendingsSent = new AtomicLong();
    /** System.nanoTime() when the final response of the last C-FIND was sent. */
    volatile long lastFinalSentNanos;
    volatile int lastFinalStatus = -1;
    private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

    StreamingFindScp(int matches) throws IOException {
        this.matches = matches;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "streaming-scp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "streaming-scp-assoc");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Signals the reader saw A-RELEASE-RQ or A-ABORT. */
    private static final class End extends IOException {
        final Pdu pdu;

        End(Pdu pdu) {
            super("end");
            this.pdu = pdu;
        }
    }

    private void serve(Socket socket) {
        associations.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            PduReader reader = new PduReader(new BufferedInputStream(socket.getInputStream()), 1 << 20);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            AAssociateRq rq = (AAssociateRq) reader.read();
            long clientMax = rq.userInformation().maxLength();
            List<PresentationContextAc> pcs = new ArrayList<>();
            java.util.Map<Integer, TransferSyntax> ts = new java.util.HashMap<>();
            for (PresentationContextRq pc : rq.presentationContexts()) {
                pcs.add(new PresentationContextAc(pc.id(), 0, pc.transferSyntaxes().get(0)));
                ts.put(pc.id(), TransferSyntax.forUid(pc.transferSyntaxes().get(0)));
            }
            write(out, PduCodec.encode(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(),
                    rq.applicationContext(), pcs, new UserInformation(16384, "1.2.3.4.5", "STREAMSCP"))));
            ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
            MessageAssembler assembler = new MessageAssembler(() -> {
                while (pdvs.isEmpty()) {
                    Pdu p = reader.read();
                    if (p instanceof PDataTf d) {
                        pdvs.addAll(d.pdvs());
                    } else {
                        throw new End(p);
                    }
                }
                return pdvs.poll();
            }, ts::get, 1 << 20);
            PDataWriter writer = new PDataWriter(out);
            Responder running = null;
            try {
                while (true) {
                    DimseMessage m = assembler.read(c -> false);
                    int field = m.commandField();
                    if (field == CommandField.C_FIND_RQ) {
                        running = new Responder(m, ts.get(m.contextId()), writer, out, clientMax);
                        running.start();
                    } else if (field == CommandField.C_CANCEL_RQ) {
                        cancelsReceived.incrementAndGet();
                        if (running != null) {
                            running.cancelled = true;
                        }
                    } else if (field == CommandField.C_ECHO_RQ) {
                        Attributes rsp = new Attributes();
                        rsp.setString(Tag.AffectedSOPClassUID, VR.UI, m.command().getString(Tag.AffectedSOPClassUID));
                        rsp.setInt(Tag.CommandField, VR.US, CommandField.C_ECHO_RSP);
                        rsp.setInt(Tag.MessageIDBeingRespondedTo, VR.US, m.command().getInt(Tag.MessageID, 0));
                        rsp.setInt(Tag.CommandDataSetType, VR.US, CommandField.DATA_SET_ABSENT);
                        rsp.setInt(Tag.Status, VR.US, 0);
                        synchronized (out) {
                            writer.write(m.contextId(), CommandSet.encode(rsp), null, clientMax);
                            out.flush();
                        }
                    }
                }
            } catch (End e) {
                if (running != null) {
                    running.join(30_000);
                }
                if (e.pdu instanceof AReleaseRq) {
                    write(out, PduCodec.encode(new AReleaseRp()));
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // the client went away or aborted: nothing to answer
        } finally {
            sockets.remove(socket);
        }
    }

    private static void write(OutputStream out, byte[] pdu) throws IOException {
        synchronized (out) {
            out.write(pdu);
            out.flush();
        }
    }

    private final class Responder extends Thread {
        private final DimseMessage rq;
        private final TransferSyntax ts;
        private final PDataWriter writer;
        private final OutputStream out;
        private final long clientMax;
        volatile boolean cancelled;

        Responder(DimseMessage rq, TransferSyntax ts, PDataWriter writer, OutputStream out, long clientMax) {
            super("streaming-scp-responder");
            setDaemon(true);
            this.rq = rq;
            this.ts = ts;
            this.writer = writer;
            this.out = out;
            this.clientMax = clientMax;
        }

        @Override
        public void run() {
            queries.incrementAndGet();
            int messageId = rq.command().getInt(Tag.MessageID, 0);
            String cuid = rq.command().getString(Tag.AffectedSOPClassUID);
            try {
                int n = matches;
                long delayNanos = responseDelay.toNanos();
                int status = DimseStatus.SUCCESS;
                for (int i = 1; i <= n; i++) {
                    if (delayNanos > 0) {
                        Thread.sleep(delayNanos / 1_000_000, (int) (delayNanos % 1_000_000));
                    }
                    if (cancelled) {
                        status = DimseStatus.CANCEL; // PS3.4 C.4.1.2: FE00 ends a cancelled C-FIND
                        break;
                    }
                    Attributes id = new Attributes();
                    id.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
                    id.setString(Tag.PatientName, VR.PN, "STREAM^P" + i);
                    id.setString(Tag.PatientID, VR.LO, "P" + i);
                    id.setString(Tag.AccessionNumber, VR.SH, "ACC0001");
                    byte[] data = DataSetWriter.toBytes(id, ts, EncodeOptions.DEFAULT);
                    synchronized (out) {
                        writer.write(rq.contextId(), CommandSet.encode(rsp(cuid, messageId, DimseStatus.PENDING,
                                CommandField.DATA_SET_PRESENT)), data, clientMax);
                        out.flush();
                    }
                    pendingsSent.incrementAndGet();
                }
                synchronized (out) {
                    writer.write(rq.contextId(), CommandSet.encode(rsp(cuid, messageId, status,
                            CommandField.DATA_SET_ABSENT)), null, clientMax);
                    out.flush();
                }
                lastFinalStatus = status;
                lastFinalSentNanos = System.nanoTime();
            } catch (IOException | InterruptedException e) {
                // client gone (aborted): stop
            }
        }
    }

    private static Attributes rsp(String cuid, int messageId, int status, int dataSetType) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, cuid);
        cmd.setInt(Tag.CommandField, VR.US, CommandField.C_FIND_RSP);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageId);
        cmd.setInt(Tag.CommandDataSetType, VR.US, dataSetType);
        cmd.setInt(Tag.Status, VR.US, status);
        return cmd;
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
