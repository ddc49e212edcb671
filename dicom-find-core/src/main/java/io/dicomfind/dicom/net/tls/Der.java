package io.dicomfind.dicom.net.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The little ASN.1 DER (X.690 8, 10) needed to recognise private key structures and to wrap PKCS#1 and SEC1 keys in
 * PKCS#8. Lengths are checked against the input: nothing is allocated beyond what the input holds.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    /** [0] EXPLICIT, constructed. */
    static final int CONTEXT_0 = 0xA0;

    /** One TLV: its tag and where its value lies in {@code data}. */
    record Element(int tag, byte[] data, int offset, int length) {
        byte[] value() {
            byte[] v = new byte[length];
            System.arraycopy(data, offset, v, 0, length);
            return v;
        }

        /** The elements inside a constructed element. */
        List<Element> children() {
            return Der.parseAll(data, offset, offset + length);
        }

        /** A small INTEGER's value (for version fields), -1 if it is larger than an int. */
        int intValue() {
            if (tag != INTEGER || length == 0 || length > 4) {
                return -1;
            }
            int v = 0;
            for (int i = 0; i < length; i++) {
                v = (v << 8) | (data[offset + i] & 0xFF);
            }
            return v;
        }

        /** An OBJECT IDENTIFIER's dotted form (X.690 8.19). */
        String oid() {
            if (tag != OID || length == 0) {
                throw new IllegalArgumentException("not an OBJECT IDENTIFIER");
            }
            StringBuilder sb = new StringBuilder();
            long v = 0;
            boolean first = true;
            for (int i = 0; i < length; i++) {
                int b = data[offset + i] & 0xFF;
                v = (v << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    if (first) {
                        long a = Math.min(2, v / 40);
                        sb.append(a).append('.').append(v - 40 * a);
                        first = false;
                    } else {
                        sb.append('.').append(v);
                    }
                    v = 0;
                }
            }
            return sb.toString();
        }
    }

    private Der() {
    }

    /** The single element that must make up all of {@code data}. */
    static Element parse(byte[] data) {
        List<Element> all = parseAll(data, 0, data.length);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    static List<Element> parseAll(byte[] data, int from, int to) {
        List<Element> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            int tag = data[p++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("multi-byte DER tags are not used in key files (offset " + (p - 1)
                        + ")");
            }
            if (p >= to) {
                throw new IllegalArgumentException("DER element without length at offset " + p);
            }
            int len = data[p++] & 0xFF;
            if (len >= 0x80) {
                int n = len & 0x7F;
                if (n == 0 || n > 3 || p + n > to) {
                    throw new IllegalArgumentException("bad DER length at offset " + (p - 1));
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (data[p++] & 0xFF);
                }
            }
            if (len > to - p) {
                throw new IllegalArgumentException("DER element at offset " + p + " claims " + len
                        + " bytes, only " + (to - p) + " left");
            }
            out.add(new Element(tag, data, p, len));
            p += len;
        }
        return out;
    }

    static byte[] encode(int tag, byte[]... parts) {
        int len = 0;
        for (byte[] part : parts) {
            len += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
        out.write(tag);
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The DER of a dotted OID. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return encode(OID, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long v) {
        int groups = 1;
        for (long t = v >>> 7; t != 0; t >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((v >>> (7 * g)) & 0x7F);
            out.write(g == 0 ? b : b | 0x80);
        }
    }
}
