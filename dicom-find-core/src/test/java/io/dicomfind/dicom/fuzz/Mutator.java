package io.dicomfind.dicom.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutator for binary DICOM inputs: bit flips, interesting bytes, byte insertions and deletions, duplicated
 * ranges, 16/32-bit length fields set to boundary values in either byte order (DICOM lengths are little endian in
 * data sets, big endian in PDUs), length fields nudged by a few bytes, splices with another corpus entry. Outputs
 * never exceed {@link #MAX_LENGTH}.
 */
final class Mutator {
    static final int MAX_LENGTH = 64 * 1024;
    private static final int[] INTERESTING_8 = {0, 1, 2, 0x7F, 0x80, 0xFE, 0xFF, 0x1B, 0x5C, 0x20};
    private static final long[] INTERESTING_32 = {0, 1, 2, 3, 4, 6, 8, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFEL, 0xFFFFFFFFL, 1 << 20, 16 << 20};
    private static final byte[][] TOKENS = {
        {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0}, // item
        {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0}, // item delimitation
        {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0}, // sequence delimitation
        {'S', 'Q', 0, 0, -1, -1, -1, -1}, {'U', 'N', 0, 0, -1, -1, -1, -1}, {'O', 'B', 0, 0}, {'U', 'T', 0, 0},
        {0x08, 0x00, 0x05, 0x00, 'C', 'S'}, {0x1B, '$', 'B'}, {0x1B, '(', 'B'}, {0x1B, '-', 'A'},
        {'D', 'I', 'C', 'M'}, {0x02, 0x00, 0x10, 0x00, 'U', 'I'},
        {0x04, 0x00}, {0x00, 0x00, 0x00, 0x00, 0x01, 0x03}, {0x07, 0x00, 0x00, 0x00, 0x00, 0x04},
    };

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    byte[] mutate(byte[] in, List<byte[]> corpus) {
        byte[] b = in;
        int rounds = 1 + random.nextInt(random.nextInt(8) + 1);
        for (int i = 0; i < rounds; i++) {
            b = once(b, corpus);
        }
        return b.length > MAX_LENGTH ? Arrays.copyOf(b, MAX_LENGTH) : b;
    }

    private byte[] once(byte[] b, List<byte[]> corpus) {
        if (b.length == 0) {
            return insert(b, 0, randomBytes(1 + random.nextInt(16)));
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(11)) {
            case 0: { // bit flip
                byte[] r = b.clone();
                r[at] ^= (byte) (1 << random.nextInt(8));
                return r;
            }
            case 1: { // interesting byte
                byte[] r = b.clone();
                r[at] = (byte) INTERESTING_8[random.nextInt(INTERESTING_8.length)];
                return r;
            }
            case 2: // insert random bytes
                return insert(b, at, randomBytes(1 + random.nextInt(random.nextBoolean() ? 4 : 64)));
            case 3: { // delete a range
                int n = Math.min(b.length - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 256));
                byte[] r = new byte[b.length - n];
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(b, at + n, r, at, b.length - at - n);
                return r;
            }
            case 4: { // duplicate a range (repeated elements, items, PDVs)
                int n = Math.min(b.length - at, 1 + random.nextInt(512));
                return insert(b, random.nextInt(b.length + 1), Arrays.copyOfRange(b, at, at + n));
            }
            case 5:
            case 6: // a 16- or 32-bit field set to a boundary value, either byte order
                return setField(b, at, INTERESTING_32[random.nextInt(INTERESTING_32.length)]);
            case 7: { // a length field nudged: read 16/32 bits, add -4..+4
                boolean wide = random.nextBoolean();
                boolean big = random.nextBoolean();
                long v = read(b, at, wide ? 4 : 2, big);
                return write(b.clone(), at, wide ? 4 : 2, big, v + random.nextInt(9) - 4);
            }
            case 8: { // splice: our head, another entry's tail
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                byte[] r = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, r, at, other.length - from);
                return r;
            }
            case 9: // a DICOM token (item tags, VR headers, escapes, PDU headers)
                return insert(b, at, TOKENS[random.nextInt(TOKENS.length)]);
            default: { // truncate
                return Arrays.copyOf(b, at);
            }
        }
    }

    private byte[] setField(byte[] b, int at, long value) {
        boolean wide = random.nextBoolean();
        return write(b.clone(), at, wide ? 4 : 2, random.nextBoolean(), value);
    }

    private static long read(byte[] b, int at, int n, boolean big) {
        long v = 0;
        for (int i = 0; i < n && at + i < b.length; i++) {
            int x = b[at + i] & 0xFF;
            v = big ? v << 8 | x : v | (long) x << (8 * i);
        }
        return v;
    }

    private static byte[] write(byte[] b, int at, int n, boolean big, long v) {
        for (int i = 0; i < n && at + i < b.length; i++) {
            int shift = big ? 8 * (n - 1 - i) : 8 * i;
            b[at + i] = (byte) (v >>> shift);
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] r = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) random.nextInt(256);
        }
        return r;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] r = new byte[b.length + what.length];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(what, 0, r, at, what.length);
        System.arraycopy(b, at, r, at + what.length, b.length - at);
        return r;
    }
}
