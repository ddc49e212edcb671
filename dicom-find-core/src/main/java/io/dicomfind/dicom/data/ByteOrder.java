package io.dicomfind.dicom.data;

/** Little- and big-endian integer access on byte arrays, without allocating. */
public final class ByteOrder {
    private ByteOrder() {
    }

    public static int getIntLE(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    public static int getIntBE(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    public static int getShortLE(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int getShortBE(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    public static long getLongLE(byte[] b, int off) {
        return (getIntLE(b, off) & 0xFFFFFFFFL) | ((long) getIntLE(b, off + 4) << 32);
    }

    public static void putIntLE(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    public static void putIntBE(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }

    public static void putShortLE(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    public static void putShortBE(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 8);
        b[off + 1] = (byte) v;
    }

    /** Reverses the byte order of each {@code unit}-byte word in place (for Explicit VR Big Endian, PS3.5 7.3). */
    public static void swap(byte[] b, int unit) {
        if (unit < 2) {
            return;
        }
        for (int off = 0; off + unit <= b.length; off += unit) {
            for (int i = 0, j = unit - 1; i < j; i++, j--) {
                byte t = b[off + i];
                b[off + i] = b[off + j];
                b[off + j] = t;
            }
        }
    }
}
