package io.dicomfind.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered, position-counting reader of little- or big-endian fields. It never allocates more than the caller
 * asks for, and callers bound what they ask for.
 */
final class DicomInput {
    private final InputStream in;
    private final byte[] buf;
    private final boolean ownsBuffer;
    private int pos;
    private int limit;
    private long consumed;

    DicomInput(InputStream in) {
        this.in = in;
        this.buf = new byte[8192];
        this.ownsBuffer = true;
    }

    DicomInput(byte[] data) {
        this.in = InputStream.nullInputStream();
        this.buf = data;
        this.ownsBuffer = false;
        this.limit = data.length;
    }

    /** Bytes consumed so far: the offset used in error messages. */
    long position() {
        return consumed + pos;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        consumed += limit;
        pos = 0;
        limit = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    boolean atEnd() throws IOException {
        return !fill();
    }

    /** Looks at the next {@code n} (≤ 8) bytes without consuming them; returns how many are available. */
    int peek(byte[] dst, int n) throws IOException {
        if (limit - pos < n && ownsBuffer) {
            compactAndFill(n);
        }
        int avail = Math.min(n, limit - pos);
        System.arraycopy(buf, pos, dst, 0, avail);
        return avail;
    }

    private void compactAndFill(int n) throws IOException {
        if (buf.length < n) {
            return;
        }
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        consumed += pos;
        pos = 0;
        limit = remaining;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r <= 0) {
                break;
            }
            limit += r;
        }
    }

    int readU8() throws IOException {
        if (!fill()) {
            throw new EOFException("unexpected end of data at offset " + position());
        }
        return buf[pos++] & 0xFF;
    }

    int readU16(boolean bigEndian) throws IOException {
        if (limit - pos >= 2) {
            int a = buf[pos] & 0xFF;
            int b = buf[pos + 1] & 0xFF;
            pos += 2;
            return bigEndian ? a << 8 | b : b << 8 | a;
        }
        int a = readU8();
        int b = readU8();
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    int readI32(boolean bigEndian) throws IOException {
        if (limit - pos >= 4) {
            int a = buf[pos] & 0xFF;
            int b = buf[pos + 1] & 0xFF;
            int c = buf[pos + 2] & 0xFF;
            int d = buf[pos + 3] & 0xFF;
            pos += 4;
            return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
        }
        int lo = readU16(bigEndian);
        int hi = readU16(bigEndian);
        return bigEndian ? lo << 16 | hi : hi << 16 | lo;
    }

    /** Reads exactly {@code n} bytes into a new array; {@code n} must already be bounded by the caller. */
    byte[] readBytes(int n) throws IOException {
        if (!ownsBuffer && n > limit - pos) {
            // The whole input is in memory: a length running past it is a lie, found before allocating.
            throw new EOFException("value of " + n + " bytes truncated after " + (limit - pos) + " bytes at offset "
                    + position());
        }
        if (ownsBuffer && n > (1 << 20)) {
            return readLarge(n);
        }
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (!fill()) {
                throw new EOFException("value of " + n + " bytes truncated after " + done + " bytes at offset "
                        + position());
            }
            int k = Math.min(n - done, limit - pos);
            System.arraycopy(buf, pos, out, done, k);
            pos += k;
            done += k;
        }
        return out;
    }

    /** Grows the result as data actually arrives, so a lying length on a short stream allocates little. */
    private byte[] readLarge(int n) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        int done = 0;
        while (done < n) {
            if (!fill()) {
                throw new EOFException("value of " + n + " bytes truncated after " + done + " bytes at offset "
                        + position());
            }
            int k = Math.min(n - done, limit - pos);
            out.write(buf, pos, k);
            pos += k;
            done += k;
        }
        return out.toByteArray();
    }

    void skip(long n) throws IOException {
        while (n > 0) {
            if (!fill()) {
                throw new EOFException("unexpected end of data at offset " + position());
            }
            int k = (int) Math.min(n, limit - pos);
            pos += k;
            n -= k;
        }
    }
}
