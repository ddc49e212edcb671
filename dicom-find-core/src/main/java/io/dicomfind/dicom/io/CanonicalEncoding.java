package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.Arrays;

/**
 * Recognises a data set that is already encoded exactly as {@link DataSetWriter} would encode it, so that it can be
 * passed on as received: {@code DataSetWriter.write(DataSetReader.read(data))} would give back the same bytes, and
 * the decoding would succeed. Checking takes one pass over the element headers, without decoding a value or
 * allocating anything, about a tenth of the cost of decoding and re-encoding (docs/performance.md); the findscu
 * {@code -X} output and the lazy identifiers of {@code FindResponse} rest on it.
 *
 * <p>The canonical form, for Implicit and Explicit VR Little Endian (the others are never canonical here): elements
 * in strictly ascending tag order in the data set and in every item (PS3.5 7.1: how {@code Attributes} keeps them),
 * every value of even length (PS3.5 7.1.1), every sequence and item of defined length with no delimitation items
 * (the writer's choice, {@code EncodeOptions.undefinedLengthSequences()} false), no group length (gggg,0000) above
 * group 0002 (the writer leaves them out, PS3.5 7.2), in Explicit VR a known VR code with zero reserved bytes
 * (PS3.5 7.1.2) and, unless the options allow new VRs, none of them. Everything {@link DataSetReader} checks against
 * {@link DecodeLimits} is checked too, more strictly where that is simpler: anything doubtful is simply "not
 * canonical", and the caller takes the decoding path, which reports errors as before.
 */
public final class CanonicalEncoding {
    private static final int ITEM = Tag.Item;

    private final byte[] data;
    private final boolean explicitVR;
    private final DecodeLimits limits;
    private final boolean newVRs;
    private ElementDictionary dictionary;

    private CanonicalEncoding(byte[] data, TransferSyntax ts, DecodeLimits limits, EncodeOptions options) {
        this.data = data;
        this.explicitVR = ts.explicitVR();
        this.limits = limits;
        this.newVRs = options.newVRs();
    }

    /**
     * True when {@code data} decodes within {@code limits} and re-encodes, with {@code options}, to exactly
     * {@code data}; false when that cannot be promised (including for malformed data).
     */
    public static boolean check(byte[] data, TransferSyntax ts, DecodeLimits limits, EncodeOptions options) {
        if (data == null || ts.bigEndian() || ts.deflated() || options.undefinedLengthSequences()
                || data.length > limits.maxDataSetLength()) {
            return false;
        }
        return new CanonicalEncoding(data, ts, limits, options).items(0, data.length, 0);
    }

    /**
     * Decodes only the named top-level elements of a data set that {@link #check} accepted (e.g. the SOP Class and
     * Instance UIDs that a Part-10 file's meta information repeats), skipping everything else by its length;
     * sequences are left out.
     */
    public static Attributes select(byte[] canonical, TransferSyntax ts, int... tags) {
        CanonicalEncoding c = new CanonicalEncoding(canonical, ts, DecodeLimits.DEFAULT, EncodeOptions.DEFAULT);
        Attributes selected = new Attributes();
        int pos = 0;
        while (pos < canonical.length) {
            int tag = c.tagAt(pos);
            VR vr = c.explicitVR ? VR.ofCode(c.vrCode(pos)) : null;
            int header = c.headerLength(vr);
            int len = c.lengthAt(pos, vr);
            for (int t : tags) {
                VR v = t != tag ? null : vr != null ? vr : c.dictionary().vrOf(tag);
                if (v != null && v != VR.SQ) {
                    int from = pos + header;
                    selected.set(tag, v, len == 0 ? null : Arrays.copyOfRange(canonical, from, from + len));
                }
            }
            pos += header + len;
        }
        return selected;
    }

    /** The elements of a data set or item occupying [pos, end): each whole, in ascending order. */
    private boolean items(int pos, int end, int depth) {
        long previous = -1;
        while (pos < end) {
            if (end - pos < 8) {
                return false;
            }
            int tag = tagAt(pos);
            if ((tag & 0xFFFFFFFFL) <= previous || Tag.group(tag) == 0xFFFE
                    || (Tag.isGroupLength(tag) && Tag.group(tag) > 0x0002)) {
                return false;
            }
            previous = tag & 0xFFFFFFFFL;
            VR vr;
            if (explicitVR) {
                int code = vrCode(pos);
                vr = VR.ofCode(code);
                if (vr == null || vr.code() != code || (!newVRs && vr.isNewVR())) {
                    return false;
                }
                if (vr.longLength() && (end - pos < 12 || u16(pos + 6) != 0)) {
                    return false;
                }
            } else {
                vr = dictionary().vrOf(tag);
            }
            int header = headerLength(explicitVR ? vr : null);
            long len = lengthAt(pos, explicitVR ? vr : null) & 0xFFFFFFFFL;
            if (len == 0xFFFFFFFFL || (len & 1) != 0 || len > end - pos - header) {
                return false;
            }
            int valueStart = pos + header;
            if (vr == VR.SQ) {
                if (!sequence(valueStart, valueStart + (int) len, depth + 1)) {
                    return false;
                }
            } else if (len > limits.maxElementLength()) {
                return false;
            }
            pos = valueStart + (int) len;
        }
        return true;
    }

    /** The items of a defined-length sequence occupying [pos, end): Item tags with defined lengths only. */
    private boolean sequence(int pos, int end, int depth) {
        if (depth >= limits.maxDepth()) {
            return false;
        }
        while (pos < end) {
            if (end - pos < 8 || tagAt(pos) != ITEM) {
                return false;
            }
            long len = i32(pos + 4) & 0xFFFFFFFFL;
            if (len == 0xFFFFFFFFL || len > end - pos - 8) {
                return false;
            }
            if (!items(pos + 8, pos + 8 + (int) len, depth)) {
                return false;
            }
            pos += 8 + (int) len;
        }
        return true;
    }

    private ElementDictionary dictionary() {
        if (dictionary == null) {
            dictionary = ElementDictionary.standard(); // Implicit VR only: Explicit VR never loads the dictionary
        }
        return dictionary;
    }

    private int headerLength(VR explicit) {
        return explicit == null || !explicit.longLength() ? 8 : 12;
    }

    private int lengthAt(int pos, VR explicit) {
        if (explicit == null) {
            return i32(pos + 4);
        }
        return explicit.longLength() ? i32(pos + 8) : u16(pos + 6);
    }

    /** The VR's two characters as {@link VR#code()} has them: first character in the high byte (PS3.5 7.1.2). */
    private int vrCode(int pos) {
        return (data[pos + 4] & 0xFF) << 8 | (data[pos + 5] & 0xFF);
    }

    private int tagAt(int pos) {
        return u16(pos) << 16 | u16(pos + 2);
    }

    private int u16(int pos) {
        return (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
    }

    private int i32(int pos) {
        return u16(pos) | u16(pos + 2) << 16;
    }
}
