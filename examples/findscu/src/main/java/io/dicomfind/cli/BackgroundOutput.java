package io.dicomfind.cli;

import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.FindResponse;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the file part of a response output ({@code -X}, {@code -Xx}, {@code -Xs}, {@code -J}) on writer threads of
 * its own, so that creating files overlaps with receiving the next responses: creating a file is the largest cost
 * per response with {@code -X} (docs/performance.md). What {@link ResponseOutput#prepare} does (decoding, encoding a
 * DICOM file) stays on the caller's thread. With several writers, the files of independent writes are created in any
 * order. The queue is bounded, so a slow disk slows the association down (TCP back-pressure) instead of filling
 * memory; the identifiers are not modified after they are handed over.
 *
 * <p>A failed write is logged by its writer thread as it happens ("cannot write response N to NAME: ...") and the
 * remaining responses are still written; {@link #close()} waits for the queue to drain and then reports that some
 * responses could not be written (exit code 5, as for a synchronous failure).
 */
final class BackgroundOutput implements Closeable {
    private record Job(int number, String name, ResponseOutput.PreparedWrite write) {
    }

    private static final Job END = new Job(0, null, null);
    static final int QUEUE_LENGTH = 256;
    /**
     * An identifier larger than this (as received) is written on the caller's thread once the queue is empty, so
     * that memory holds one large identifier at a time, not a queue of them (issue 13: 600,000 elements at -Xmx64m).
     */
    static final int LARGE_IDENTIFIER = 1 << 20;

    private final ResponseOutput target;
    private final CliLog log;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
    private final Thread[] writers;
    private final AtomicInteger failures = new AtomicInteger();
    /** Jobs queued or running. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Throwable crashed;
    private boolean closed;

    BackgroundOutput(ResponseOutput target, CliLog log) {
        this(target, log, 1);
    }

    /**
     * {@code writers} threads take the queued writes: more than one only for outputs whose writes are independent
     * of each other (a file per response), as they then run in any order.
     */
    BackgroundOutput(ResponseOutput target, CliLog log, int writers) {
        this.target = target;
        this.log = log;
        this.writers = new Thread[writers];
        for (int i = 0; i < writers; i++) {
            this.writers[i] = new Thread(this::drain, "findscu-output" + (writers == 1 ? "" : "-" + (i + 1)));
            this.writers[i].setDaemon(true);
            this.writers[i].start();
        }
    }

    /** Queues the response's identifier ({@code name}: for messages, may be null); blocks while the queue is full. */
    String write(int number, String name, FindResponse response, TransferSyntax ts) throws IOException {
        if (crashed != null) {
            throw new IOException("output writer stopped: " + crashed, crashed);
        }
        if (response.encodedIdentifierLength() > LARGE_IDENTIFIER) {
            awaitIdle();
            run(new Job(number, name, target.prepare(number, response, ts)));
            return name;
        }
        // encoding happens here, on the receiving thread; the writer thread only does the file system calls
        put(new Job(number, name, target.prepare(number, response, ts)));
        return name;
    }

    /** Waits until every queued write has run. */
    private void awaitIdle() throws IOException {
        try {
            while (inFlight.get() > 0) {
                if (crashed != null) {
                    throw new IOException("output writer stopped: " + crashed, crashed);
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the output writer", e);
        }
    }

    /** Runs one write; a failure is logged and counted, and the next responses are still written. */
    private void run(Job job) {
        try {
            job.write().run();
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            log.error("cannot write response " + job.number()
                    + (job.name() != null ? " to " + job.name() : "") + ": " + e.getMessage());
        }
    }


    private void put(Job job) throws IOException {
        if (job != END) {
            inFlight.incrementAndGet();
        }
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (crashed != null) { // the writer is gone: never wait for room that will not come
                    throw new IOException("output writer stopped: " + crashed, crashed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while queueing response " + job.number() + " for output", e);
        }
    }

    private void drain() {
        try {
            while (true) {
                Job job = queue.take();
                if (job == END) {
                    return;
                }
                try {
                    run(job);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            crashed = e;
        } catch (Throwable t) { // an Error: stop queueing, report at the next write or at close
            crashed = t;
        }
    }

    /** Waits until every queued response is written, then closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (Thread writer : writers) {
                if (crashed == null) {
                    put(END); // one each: a writer ends at the first END it takes
                }
            }
            for (Thread writer : writers) {
                writer.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the output writer", e);
        } finally {
            target.close();
        }
        if (crashed != null) {
            throw new IOException("output writer stopped: " + crashed, crashed);
        }
        if (failures.get() > 0) {
            throw new IOException(failures.get() + " response(s) could not be written");
        }
    }
}
