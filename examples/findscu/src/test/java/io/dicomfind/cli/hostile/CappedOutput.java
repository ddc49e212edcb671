package io.dicomfind.cli.hostile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first 64 KiB and the last 64 KiB of what findscu writes, and counts the rest: a peer sending Pending
 * responses for a second makes findscu log tens of megabytes, which a test must not hold in a 64 MiB heap.
 */
final class CappedOutput extends OutputStream {
    private static final int HEAD = 64 * 1024;
    private static final int TAIL = 64 * 1024;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail = new byte[TAIL];
    private long tailWritten;
    private long total;

    @Override
    public synchronized void write(int b) {
        total++;
        if (head.size() < HEAD) {
            head.write(b);
        } else {
            tail[(int) (tailWritten++ % TAIL)] = (byte) b;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }

    /** The head, "[... n bytes ...]" and the tail (whole lines may be cut at the seams). */
    synchronized String text() {
        StringBuilder sb = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (tailWritten > 0) {
            int n = (int) Math.min(tailWritten, TAIL);
            byte[] last = new byte[n];
            for (int i = 0; i < n; i++) {
                last[i] = tail[(int) ((tailWritten - n + i) % TAIL)];
            }
            if (tailWritten > TAIL) {
                sb.append("\n[... ").append(tailWritten - TAIL).append(" bytes ...]\n");
            }
            sb.append(new String(last, StandardCharsets.UTF_8));
        }
        return sb.toString().replace("\r\n", "\n");
    }

    synchronized long total() {
        return total;
    }
}
