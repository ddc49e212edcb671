package io.dicomfind.bench;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.Priority;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.AAssociateRq;
import io.dicomfind.dicom.net.pdu.AReleaseRq;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PduCodec;
import io.dicomfind.dicom.net.pdu.PresentationContextRq;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * A client that does the least possible work per response: it negotiates, sends one C-FIND-RQ, then reads raw
 * P-DATA-TF PDUs into one reused buffer, decodes only the (small) command sets to find the final status, and never
 * decodes an identifier. How fast it drains an SCP is the SCP's own limit: the proof that the SCP is not what a
 * real client's figures measure.
 */
final class NullClient {
    private NullClient() {
    }

    /**
     * {@code NullClient HOST PORT QUERIES}: that many C-FINDs of the benchmark query on one association; prints the
     * Pending responses and the seconds it took (association included).
     */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        int pending = drain(args[0], Integer.parseInt(args[1]), BenchData.query(), Integer.parseInt(args[2]));
        System.out.println(pending + " " + (System.nanoTime() - t0) / 1e9);
    }

    /** Runs one C-FIND and returns the number of Pending responses. */
    static int drain(String host, int port, Attributes query) throws IOException {
        return drain(host, port, query, 1);
    }

    /** Runs {@code queries} C-FINDs one after the other on one association; returns the Pending responses. */
    static int drain(String host, int port, Attributes query, int queries) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setReceiveBufferSize(1 << 20);
            s.connect(new InetSocketAddress(host, port));
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
            String ts = UID.ExplicitVRLittleEndian;
            out.write(PduCodec.encode(new AAssociateRq(BenchData.AE_TITLE, "NULLCLIENT", UID.DICOMApplicationContext,
                    List.of(new PresentationContextRq(1, SopClasses.MODALITY_WORKLIST_FIND, List.of(ts))),
                    new UserInformation(1 << 20, UID.IMPLEMENTATION_CLASS_UID, "NULLCLIENT"))));
            out.flush();
            byte[] buf = new byte[1 << 20];
            int type = (int) (readPdu(in, buf) >>> 32);
            if (type != Pdu.A_ASSOCIATE_AC) {
                throw new IOException("association not accepted: PDU type " + type);
            }
            byte[] data = DataSetWriter.toBytes(query, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    EncodeOptions.DEFAULT);
            PDataWriter writer = new PDataWriter(out);
            int pending = 0;
            for (int q = 1; q <= queries; q++) {
                writer.write(1, CommandSet.encode(CommandSet.cFindRq(q, SopClasses.MODALITY_WORKLIST_FIND,
                        Priority.MEDIUM)), data, 16384);
                pending += responses(in, buf, pending);
            }
            out.write(PduCodec.encode(new AReleaseRq()));
            out.flush();
            readPdu(in, buf);
            return pending;
        }
    }

    /** Reads the responses to one C-FIND up to its final one; returns its Pending responses. */
    private static int responses(DataInputStream in, byte[] buf, int before) throws IOException {
        int pending = 0;
        while (true) {
            long header = readPdu(in, buf);
            int type = (int) (header >>> 32);
            int len = (int) header;
            if (type != Pdu.P_DATA_TF) {
                throw new IOException("unexpected PDU type " + type + " after " + (before + pending)
                        + " responses");
            }
            int off = 0;
            while (off < len) {
                int pdvLength = getInt(buf, off);
                int control = buf[off + 5] & 0xFF;
                if ((control & 0x03) == 0x03) { // last fragment of a command: small, decode it
                    Attributes cmd = CommandSet.decode(buf, off + 6, pdvLength - 2);
                    int status = CommandSet.getUS(cmd, Tag.Status);
                    if (status == 0xFF00 || status == 0xFF01) {
                        pending++;
                    } else {
                        return pending;
                    }
                }
                off += 4 + pdvLength;
            }
        }
    }

    /** Reads one PDU's body into {@code buf}; returns its type (high 32 bits) and length (low 32 bits). */
    private static long readPdu(DataInputStream in, byte[] buf) throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        int len = in.readInt();
        if (len < 0 || len > buf.length) {
            throw new IOException("PDU length " + len + " beyond the buffer");
        }
        in.readFully(buf, 0, len);
        return ((long) type << 32) | len;
    }

    private static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
