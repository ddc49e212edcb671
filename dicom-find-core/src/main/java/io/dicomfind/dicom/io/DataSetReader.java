package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ByteOrder;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a data set in one of the transfer syntaxes of {@link TransferSyntax}, reading to the end of the stream.
 *
 * <p>Every length field is checked against {@link DecodeLimits} and against the enclosing item or sequence before
 * anything is allocated, so a peer's lying length ends decoding with a {@link DicomEncodingException} naming the tag
 * and byte offset, never with an OutOfMemoryError.
 */
public final class DataSetReader {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomInput in;
    private final DecodeLimits limits;
    /** Implicit VR only: null until the first look-up, so that Explicit VR decoding never loads the standard one. */
    private ElementDictionary dictionary;
    private boolean explicitVR;
    private boolean bigEndian;

    private DataSetReader(DicomInput in, TransferSyntax ts, DecodeLimits limits) {
        this(in, ts, limits, null);
    }

    private DataSetReader(DicomInput in, TransferSyntax ts, DecodeLimits limits, ElementDictionary dictionary) {
        this.dictionary = dictionary;
        this.in = in;
        this.limits = limits;
        this.explicitVR = ts.explicitVR();
        this.bigEndian = ts.bigEndian();
    }

    /** Reads elements until end of stream; the stream is not closed. */
    public static Attributes read(InputStream in, TransferSyntax ts, DecodeLimits limits) throws IOException {
        Inflater inflater = ts.deflated() ? new Inflater(true) : null;
        try {
            InputStream src = inflater != null ? new InflaterInputStream(in, inflater, 8192) : in;
            Attributes ds = new Attributes();
            new DataSetReader(new DicomInput(src), ts, limits).readUntilEnd(ds);
            return ds;
        } finally {
            if (inflater != null) {
                inflater.end(); // native memory now, not at the next GC
            }
        }
    }

    public static Attributes read(byte[] encoded, TransferSyntax ts, DecodeLimits limits) throws IOException {
        if (ts.deflated()) {
            return read(new ByteArrayInputStream(encoded), ts, limits);
        }
        Attributes ds = new Attributes();
        new DataSetReader(new DicomInput(encoded), ts, limits).readUntilEnd(ds);
        return ds;
    }

    /**
     * As {@link #read(byte[], TransferSyntax, DecodeLimits)}, with the VRs of Implicit VR elements from
     * {@code dictionary} (e.g. {@link ElementDictionary#commandGroup()} for a DIMSE command set) instead of the
     * standard dictionary.
     */
    public static Attributes read(byte[] encoded, TransferSyntax ts, DecodeLimits limits,
            ElementDictionary dictionary) throws IOException {
        if (ts.deflated()) {
            throw new IllegalArgumentException("a dictionary of one's own is for plain syntaxes, not " + ts);
        }
        Attributes ds = new Attributes();
        new DataSetReader(new DicomInput(encoded), ts, limits, dictionary).readUntilEnd(ds);
        return ds;
    }

    /** Reads the File Meta Information group (always Explicit VR Little Endian, PS3.10 7.1) from a Part-10 stream. */
    static Attributes readMetaGroup(DicomInput in, DecodeLimits limits) throws IOException {
        DataSetReader r = new DataSetReader(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, limits);
        Attributes meta = new Attributes();
        byte[] head = new byte[2];
        while (in.peek(head, 2) == 2 && (head[0] & 0xFF | (head[1] & 0xFF) << 8) == 0x0002) {
            r.readElement(meta, Long.MAX_VALUE, 0);
        }
        return meta;
    }

    static void readDataSetRemainder(DicomInput in, TransferSyntax ts, DecodeLimits limits, Attributes into)
            throws IOException {
        new DataSetReader(in, ts, limits).readUntilEnd(into);
    }

    private void readUntilEnd(Attributes ds) throws IOException {
        while (!in.atEnd()) {
            int tag = readElement(ds, Long.MAX_VALUE, 0);
            if (tag == Tag.ItemDelimitationItem || tag == Tag.SequenceDelimitationItem || tag == Tag.Item) {
                throw error("unexpected " + Tag.toString(tag) + " outside a sequence", tag);
            }
            checkTotal();
        }
    }

    private void checkTotal() throws DicomEncodingException {
        if (in.position() > limits.maxDataSetLength()) {
            throw new DicomEncodingException("data set longer than the limit of " + limits.maxDataSetLength()
                    + " bytes");
        }
    }

    /**
     * Reads one element into {@code ds}. Returns its tag; for item delimiters the tag is returned without storing
     * anything so the caller can end the item.
     */
    private int readElement(Attributes ds, long end, int depth) throws IOException {
        long start = in.position();
        int group = in.readU16(bigEndian);
        int element = in.readU16(bigEndian);
        int tag = group << 16 | element;
        if (group == 0xFFFE) {
            // PS3.5 7.5: item and delimitation tags carry no VR, only a 32-bit length, in every transfer syntax.
            long len = in.readI32(bigEndian) & 0xFFFFFFFFL;
            if (tag == Tag.ItemDelimitationItem || tag == Tag.SequenceDelimitationItem) {
                if (len != 0) {
                    throw error("delimitation item with non-zero length " + len, tag, start);
                }
                return tag;
            }
            if (tag == Tag.Item) {
                return tag;
            }
            throw error("unknown item tag", tag, start);
        }
        VR vr;
        long len;
        if (explicitVR) {
            int code = in.readU16(true);
            vr = VR.ofCode(code);
            if (vr == null) {
                throw error("unknown VR '" + printable(code) + "'", tag, start);
            }
            if (vr.longLength()) {
                in.readU16(bigEndian);
                len = in.readI32(bigEndian) & 0xFFFFFFFFL;
            } else {
                len = in.readU16(bigEndian);
            }
        } else {
            if (dictionary == null) {
                dictionary = ElementDictionary.standard();
            }
            vr = dictionary.vrOf(tag);
            len = in.readI32(bigEndian) & 0xFFFFFFFFL;
        }
        if (len == UNDEFINED) {
            if (vr == VR.SQ) {
                readSequence(ds, tag, UNDEFINED, depth);
            } else if (vr == VR.UN) {
                // PS3.5 6.2.2: UN of undefined length is a sequence encoded in Implicit VR Little Endian.
                boolean e = explicitVR;
                boolean b = bigEndian;
                explicitVR = false;
                bigEndian = false;
                try {
                    readSequence(ds, tag, UNDEFINED, depth);
                } finally {
                    explicitVR = e;
                    bigEndian = b;
                }
            } else {
                throw error("undefined length for VR " + vr + " (only SQ and UN may have it)", tag, start);
            }
            return tag;
        }
        if (in.position() + len > end) {
            throw error("length " + len + " runs past the end of its item (" + (end - in.position())
                    + " bytes left)", tag, start);
        }
        if (vr == VR.SQ) {
            readSequence(ds, tag, in.position() + len, depth);
            return tag;
        }
        if (len > limits.maxElementLength()) {
            throw error("value length " + len + " exceeds the limit of " + limits.maxElementLength() + " bytes",
                    tag, start);
        }
        byte[] value = in.readBytes((int) len);
        if (bigEndian && vr.isBinary()) {
            ByteOrder.swap(value, vr == VR.AT ? 2 : vr.unit());
        }
        ds.set(tag, vr, len == 0 ? null : value);
        return tag;
    }

    private void readSequence(Attributes ds, int tag, long end, int depth) throws IOException {
        if (depth + 1 > limits.maxDepth()) {
            throw error("sequences nested deeper than the limit of " + limits.maxDepth(), tag);
        }
        Sequence seq = ds.newSequence(tag);
        seq.setUndefinedLength(end == UNDEFINED);
        while (end == UNDEFINED || in.position() < end) {
            long start = in.position();
            int group = in.readU16(bigEndian);
            int element = in.readU16(bigEndian);
            int itemTag = group << 16 | element;
            long len = in.readI32(bigEndian) & 0xFFFFFFFFL;
            if (itemTag == Tag.SequenceDelimitationItem) {
                // In a defined-length sequence a delimiter is tolerated and ends it, as some peers send both.
                break;
            }
            if (itemTag != Tag.Item) {
                throw error("expected an item (FFFE,E000) in sequence but found " + Tag.toString(itemTag), tag, start);
            }
            Attributes item = seq.addItem();
            if (len == UNDEFINED) {
                readItem(item, UNDEFINED, depth + 1, tag);
            } else {
                long itemEnd = in.position() + len;
                if (end != UNDEFINED && itemEnd > end) {
                    throw error("item length " + len + " runs past the end of the sequence", tag, start);
                }
                readItem(item, itemEnd, depth + 1, tag);
            }
            checkTotal();
        }
        if (end != UNDEFINED && in.position() > end) {
            throw error("sequence content runs past its length", tag);
        }
    }

    private void readItem(Attributes item, long end, int depth, int seqTag) throws IOException {
        while (end == UNDEFINED || in.position() < end) {
            int t = readElement(item, end == UNDEFINED ? Long.MAX_VALUE : end, depth);
            if (t == Tag.ItemDelimitationItem) {
                return;
            }
            if (t == Tag.Item || t == Tag.SequenceDelimitationItem) {
                throw error("unexpected " + Tag.toString(t) + " inside an item", seqTag);
            }
            checkTotal(); // per element: a deflated item may inflate to far more than its compressed size
        }
        if (in.position() > end) {
            throw error("item content runs past its length", seqTag);
        }
    }

    private DicomEncodingException error(String what, int tag) {
        return error(what, tag, in.position());
    }

    private static DicomEncodingException error(String what, int tag, long offset) {
        return new DicomEncodingException(what + " at " + Tag.toString(tag) + ", offset " + offset);
    }

    private static String printable(int code) {
        char a = (char) (code >> 8);
        char b = (char) (code & 0xFF);
        return (a >= 0x20 && a < 0x7F ? String.valueOf(a) : String.format("\\x%02x", (int) a))
                + (b >= 0x20 && b < 0x7F ? String.valueOf(b) : String.format("\\x%02x", (int) b));
    }
}
