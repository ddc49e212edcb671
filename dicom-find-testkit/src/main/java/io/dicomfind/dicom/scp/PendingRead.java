package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.net.dimse.DimseMessage;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The next DIMSE message of an association, read on a helper thread while the association's own thread streams
 * C-FIND responses. Only this makes a C-CANCEL-RQ (PS3.7 9.3.2.3) visible on every transport: the number of bytes
 * a socket reports as available says nothing about a TLS record that has arrived but is not yet decrypted, so
 * polling it never sees the cancel over TLS; a blocking read does. One read at a time: whoever reads next (the
 * helper or, after {@link #result()}, the association's thread) owns the input stream alone.
 */
final class PendingRead {
    /** Reads one message from the association's input (the helper thread's whole job). */
    interface Read {
        DimseMessage read() throws IOException;
    }

    private final Thread thread;
    private boolean done;
    private DimseMessage message;
    private Throwable failure;

    private PendingRead(String threadName, Read read) {
        this.thread = new Thread(() -> run(read), threadName);
        this.thread.setDaemon(true);
    }

    /** Starts reading the next message on a new thread named {@code threadName}. */
    static PendingRead start(String threadName, Read read) {
        PendingRead p = new PendingRead(threadName, read);
        p.thread.start();
        return p;
    }

    private void run(Read read) {
        DimseMessage m = null;
        Throwable f = null;
        try {
            m = read.read();
        } catch (IOException | RuntimeException | Error e) {
            f = e;
        }
        synchronized (this) {
            message = m;
            failure = f;
            done = true;
            notifyAll();
        }
    }

    synchronized boolean isDone() {
        return done;
    }

    /** Waits up to {@code nanos} for the message (or the failure); true when it is there. */
    synchronized boolean await(long nanos) throws InterruptedIOException {
        long end = System.nanoTime() + nanos;
        long left;
        while (!done && (left = end - System.nanoTime()) > 0) {
            waitNanos(left);
        }
        return done;
    }

    /**
     * The message, waiting for it as long as it takes (the read itself is bounded by the socket's timeout, and a
     * closed socket ends it); a failure of the read is thrown here as it was raised, so that the association
     * handles it as if it had read itself.
     */
    DimseMessage result() throws IOException {
        synchronized (this) {
            while (!done) {
                waitNanos(Long.MAX_VALUE);
            }
        }
        join(0);
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return message;
    }

    /**
     * Waits up to {@code millis} (0: without bound) for the helper thread to end; true if it has. An interrupt
     * (the SCP stopping) does not cut the wait short, since the caller waits precisely so that no thread outlives
     * the association; it is kept for the caller.
     */
    boolean join(long millis) {
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            while (thread.isAlive()) {
                long left = millis == 0 ? 0 : (end - System.nanoTime()) / 1_000_000;
                if (millis != 0 && left <= 0) {
                    break;
                }
                try {
                    thread.join(millis == 0 ? 0 : left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !thread.isAlive();
    }

    private void waitNanos(long nanos) throws InterruptedIOException {
        try {
            long ms = Math.max(1, Math.min(nanos / 1_000_000, Long.MAX_VALUE / 2));
            wait(nanos == Long.MAX_VALUE ? 0 : ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("SCP stopping");
        }
    }
}
