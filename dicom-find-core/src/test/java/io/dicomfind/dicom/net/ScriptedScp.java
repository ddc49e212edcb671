package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.AAssociateRq;
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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving SCP for one association, driven by a script: it lets tests send exactly the broken or unusual
 * PDUs that real SCPs do not produce on demand, and records what the client sent back (e.g. its A-ABORT).
 */
final class ScriptedScp implements AutoCloseable {
    interface Script {
        void run(Session s) throws Exception;
    }

    final ServerSocket server;
    private final Thread thread;
    private volatile Throwable failure;
    /** PDUs the script recorded (usually what the client sent at the end). */
    final List<Pdu> recorded = java.util.Collections.synchronizedList(new ArrayList<>());

    private ScriptedScp(Script script) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                script.run(new Session(socket));
            } catch (Throwable t) {
                failure = t;
            }
        }, "scripted-scp");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedScp start(Script script) throws IOException {
        return new ScriptedScp(script);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the script to end and rethrows what went wrong in it. */
    void await() throws Throwable {
        thread.join(TimeUnit.SECONDS.toMillis(20));
        if (thread.isAlive()) {
            throw new AssertionError("scripted SCP still running");
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    final class Session {
        final Socket socket;
        final PduReader reader;
        final OutputStream out;
        final ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
        final MessageAssembler assembler;
        long clientMaxPdu;
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.reader = new PduReader(socket.getInputStream(), 1 << 20);
            this.out = new BufferedOutputStream(socket.getOutputStream());
            this.assembler = new MessageAssembler(() -> {
                while (pdvs.isEmpty()) {
                    Pdu p = readPdu();
                    if (!(p instanceof PDataTf d)) {
                        throw new IOException("scripted SCP expected P-DATA-TF, got " + p);
                    }
                    pdvs.addAll(d.pdvs());
                }
                return pdvs.poll();
            }, id -> ts, 1 << 20);
        }

        /** Accepts every proposed context with its first transfer syntax; declares {@code maxPdu}. */
        AAssociateRq accept(long maxPdu) throws IOException {
            AAssociateRq rq = (AAssociateRq) readPdu();
            clientMaxPdu = rq.userInformation().maxLength();
            List<PresentationContextAc> pcs = new ArrayList<>();
            for (PresentationContextRq pc : rq.presentationContexts()) {
                pcs.add(new PresentationContextAc(pc.id(), 0, pc.transferSyntaxes().get(0)));
            }
            ts = TransferSyntax.forUid(rq.presentationContexts().get(0).transferSyntaxes().get(0));
            send(new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(), pcs,
                    new UserInformation(maxPdu, "1.2.3.4", "SCRIPTED")));
            return rq;
        }

        Pdu readPdu() throws IOException {
            Pdu p = reader.read();
            if (p == null) {
                throw new IOException("client closed the connection");
            }
            return p;
        }

        DimseMessage readMessage() throws IOException {
            return assembler.read(c -> false);
        }

        List<Pdu> recorded() {
            return recorded;
        }

        /** Reads the client's next PDU and records it (to check its A-ABORT, A-RELEASE-RQ ...). */
        void recordNext() throws IOException {
            recorded.add(reader.read());
        }

        void send(Pdu pdu) throws IOException {
            out.write(PduCodec.encode(pdu));
            out.flush();
        }

        void sendRaw(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        void sendMessage(int ctx, Attributes cmd, Attributes data) throws IOException {
            byte[] d = data == null ? null : DataSetWriter.toBytes(data, ts, EncodeOptions.DEFAULT);
            new PDataWriter(out).write(ctx, CommandSet.encode(cmd), d, clientMaxPdu);
        }
    }

    /** A C-FIND-RSP command; {@code status} -1 leaves the Status out. */
    static Attributes findRsp(int messageId, int status, int dataSetType) {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, SopClasses.MODALITY_WORKLIST_FIND);
        cmd.setInt(Tag.CommandField, VR.US, 0x8020);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageId);
        cmd.setInt(Tag.CommandDataSetType, VR.US, dataSetType);
        if (status >= 0) {
            cmd.setInt(Tag.Status, VR.US, status);
        }
        return cmd;
    }

    static Attributes patient(String name) {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, name);
        return a;
    }
}
