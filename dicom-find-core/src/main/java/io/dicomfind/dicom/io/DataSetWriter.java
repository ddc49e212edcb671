package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes a data set in a given transfer syntax.
 *
 * <p>Group length elements (gggg,0000) of groups above 0002 are not written: PS3.5 7.2 retired them, and a stale
 * one copied from a received data set would be wrong. The command group (0000) and meta group (0002) lengths are the
 * caller's, written as given. Values are padded to even length with the VR's padding byte (PS3.5 6.2).
 */
public final class DataSetWriter {
    private static final byte[] EMPTY = {};

    private final OutputStream out;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final EncodeOptions options;
    private final byte[] header = new byte[12];

    private DataSetWriter(OutputStream out, TransferSyntax ts, EncodeOptions options) {
        this.out = out;
        this.explicitVR = ts.explicitVR();
        this.bigEndian = ts.bigEndian();
        this.options = options;
    }

    /** Writes the data set; for the deflated syntax the output is deflated (raw, PS3.5 A.5). Not closed. */
    public static void write(Attributes ds, TransferSyntax ts, EncodeOptions options, OutputStream out)
            throws IOException {
        if (ts.deflated()) {
            Deflater deflater = new Deflater(options.deflateLevel(), true);
            try {
                DeflaterOutputStream dos = new DeflaterOutputStream(out, deflater, 8192);
                new DataSetWriter(dos, ts, options).writeDataSet(ds);
                dos.finish();
                dos.flush();
            } finally {
                deflater.end();
            }
            return;
        }
        if (out instanceof ByteArrayOutputStream || out instanceof BufferedOutputStream) {
            // already buffered: a second 8 KB buffer per data set was 90 % of the CLI's allocation with -X
            // (docs/performance.md); the element-sized writes go straight into the caller's buffer
            new DataSetWriter(out, ts, options).writeDataSet(ds);
            out.flush(); // as before: what was written has reached the caller's stream
            return;
        }
        BufferedOutputStream bos = new BufferedOutputStream(out, 8192);
        new DataSetWriter(bos, ts, options).writeDataSet(ds);
        bos.flush();
    }

    public static byte[] toBytes(Attributes ds, TransferSyntax ts, EncodeOptions options) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(256);
        write(ds, ts, options, bos);
        return bos.toByteArray();
    }

    /** The encoded length of the data set, without deflation: for group lengths and defined-length items. */
    public static long encodedLength(Attributes ds, TransferSyntax ts, EncodeOptions options) {
        return new DataSetWriter(OutputStream.nullOutputStream(), ts, options).lengthOf(ds);
    }

    private static boolean skipped(int tag) {
        return Tag.isGroupLength(tag) && Tag.group(tag) > 0x0002;
    }

    private void writeDataSet(Attributes ds) throws IOException {
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (skipped(tag)) {
                continue;
            }
            VR vr = ds.vrAt(i);
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                writeSequence(tag, seq);
            } else {
                byte[] value = v == null ? EMPTY : ds.bytesAt(i);
                writeValue(tag, vr, value);
            }
        }
    }

    private void writeSequence(int tag, Sequence seq) throws IOException {
        boolean undefined = options.undefinedLengthSequences();
        writeHeader(tag, VR.SQ, undefined ? 0xFFFFFFFFL : sequenceContentLength(seq));
        for (Attributes item : seq) {
            writeItemHeader(Tag.Item, undefined ? 0xFFFFFFFFL : lengthOf(item));
            writeDataSet(item);
            if (undefined) {
                writeItemHeader(Tag.ItemDelimitationItem, 0);
            }
        }
        if (undefined) {
            writeItemHeader(Tag.SequenceDelimitationItem, 0);
        }
    }

    private void writeValue(int tag, VR vr, byte[] value) throws IOException {
        VR wireVR = wireVR(vr);
        int padded = value.length + (value.length & 1);
        writeHeader(tag, wireVR, padded);
        if (bigEndian && vr.isBinary() && vr.unit() > 1) {
            byte[] swapped = value.clone();
            ByteOrder.swap(swapped, vr == VR.AT ? 2 : vr.unit());
            out.write(swapped);
        } else {
            out.write(value);
        }
        if (padded != value.length) {
            out.write(vr.paddingByte());
        }
    }

    /** findscu {@code -u}: VRs an old peer may not know go out as OB (PS3.5 6.2 lists when each was added). */
    private VR wireVR(VR vr) {
        return !options.newVRs() && vr.isNewVR() ? VR.OB : vr;
    }

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        putShort(0, tag >>> 16);
        putShort(2, tag);
        if (!explicitVR) {
            putInt(4, (int) length);
            out.write(header, 0, 8);
        } else if (vr.longLength()) {
            header[4] = (byte) (vr.code() >> 8);
            header[5] = (byte) vr.code();
            header[6] = 0;
            header[7] = 0;
            putInt(8, (int) length);
            out.write(header, 0, 12);
        } else {
            if (length > 0xFFFF) {
                throw new DicomEncodingException("value of " + Tag.toString(tag) + " (" + vr + ") is " + length
                        + " bytes, more than the 65534 its explicit VR 16-bit length can express");
            }
            header[4] = (byte) (vr.code() >> 8);
            header[5] = (byte) vr.code();
            putShort(6, (int) length);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        putShort(0, tag >>> 16);
        putShort(2, tag);
        putInt(4, (int) length);
        out.write(header, 0, 8);
    }

    private void putShort(int off, int v) {
        if (bigEndian) {
            ByteOrder.putShortBE(header, off, v);
        } else {
            ByteOrder.putShortLE(header, off, v);
        }
    }

    private void putInt(int off, int v) {
        if (bigEndian) {
            ByteOrder.putIntBE(header, off, v);
        } else {
            ByteOrder.putIntLE(header, off, v);
        }
    }

    private long lengthOf(Attributes ds) {
        long total = 0;
        for (int i = 0, n = ds.size(); i < n; i++) {
            int tag = ds.tagAt(i);
            if (skipped(tag)) {
                continue;
            }
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                total += headerLength(VR.SQ) + (options.undefinedLengthSequences() ? 8 : 0)
                        + sequenceContentLength(seq);
            } else {
                int len = v == null ? 0 : ds.bytesAt(i).length;
                total += headerLength(wireVR(ds.vrAt(i))) + len + (len & 1);
            }
        }
        return total;
    }

    private long sequenceContentLength(Sequence seq) {
        long total = 0;
        for (Attributes item : seq) {
            total += 8 + lengthOf(item) + (options.undefinedLengthSequences() ? 8 : 0);
        }
        return total;
    }

    private int headerLength(VR vr) {
        return !explicitVR ? 8 : vr.longLength() ? 12 : 8;
    }
}
