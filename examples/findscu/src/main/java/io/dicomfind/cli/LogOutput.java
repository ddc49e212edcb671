package io.dicomfind.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where {@link CliLog}'s lines go: a buffer of characters, written out in large blocks. In findscu's default mode
 * every response is dumped to the log, some 40 lines each; a synchronized print and a flush per message (a
 * {@code PrintStream} with auto-flush, as {@code System.err} is) made the log cost more than the DICOM work, and one
 * system call per line is what makes DCMTK's findscu slow here (docs/performance.md, "The default mode").
 *
 * <p>The buffer is written when it is full, when {@link #flush()} is called (at the end of a run) and when it has
 * held lines for {@value #IDLE_MILLIS} ms (a daemon thread, started at the first line): a user watching a slow query
 * sees each response at most that much later than it arrived, and a fast one costs a system call per block instead
 * of one per line. Lines from several threads (the response writers', the DICOM core's through slf4j) never
 * interleave within a line. {@link #close()} (at the end of a run) writes what is left and ends the thread; lines
 * that still come (from a thread the run left behind) are then written one by one.
 */
final class LogOutput implements Flushable {
    /** The longest time a logged line waits in the buffer. */
    static final long IDLE_MILLIS = 20;
    private static final int CAPACITY = 32 * 1024;

    private final Writer target;
    private final char[] buffer = new char[CAPACITY];
    private int length;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private Thread flusher;
    /** Every line written at once: before a run's log exists, and after it ended. */
    private boolean unbuffered;

    private LogOutput(Writer target) {
        this.target = target;
    }

    /** Writes through {@code out} (in its own character encoding); flushes it after each block. */
    static LogOutput to(PrintStream out) {
        return new LogOutput(writerOver(out));
    }

    /** Writes each line through {@code out} at once. */
    static LogOutput unbuffered(PrintStream out) {
        LogOutput o = new LogOutput(writerOver(out));
        o.unbuffered = true;
        return o;
    }

    private static Writer writerOver(PrintStream out) {
        return new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                out.append(CharBuffer.wrap(c, off, len));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    /**
     * The process's standard error, as its file descriptor: the same stream and the same character encoding as
     * {@code System.err} (which the JVM makes from {@code sun.stderr.encoding} when standard error is a terminal,
     * else from the default charset), without its per-call locking, auto-flush and 128-byte buffer.
     */
    static LogOutput standardError() {
        return new LogOutput(new OutputStreamWriter(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 2 * CAPACITY), stderrCharset()));
    }

    private static Charset stderrCharset() {
        String name = System.getProperty("sun.stderr.encoding");
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) { // System.err falls back the same way
                // the default below
            }
        }
        return Charset.defaultCharset();
    }

    /** Appends {@code prefix}, {@code text[from, to)} and the line separator as one line. */
    void line(String prefix, CharSequence text, int from, int to) {
        lock.lock();
        try {
            boolean wasEmpty = length == 0;
            append(prefix, 0, prefix.length());
            append(text, from, to);
            append(System.lineSeparator(), 0, System.lineSeparator().length());
            if (unbuffered) {
                flush();
            } else if (wasEmpty && length > 0) {
                idleFlushLater();
            }
        } finally {
            lock.unlock();
        }
    }

    private void append(CharSequence s, int from, int to) {
        while (from < to) {
            if (length == CAPACITY) {
                writeBuffer();
            }
            int n = Math.min(to - from, CAPACITY - length);
            if (s instanceof String str) {
                str.getChars(from, from + n, buffer, length);
            } else if (s instanceof StringBuilder sb) {
                sb.getChars(from, from + n, buffer, length);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[length + i] = s.charAt(from + i);
                }
            }
            length += n;
            from += n;
        }
    }

    /** Writes what is buffered and flushes the target. A failed write is not retried; its lines are dropped. */
    @Override
    public void flush() {
        lock.lock();
        try {
            writeBuffer();
            try {
                target.flush();
            } catch (IOException e) {
                // like System.err's: the log has nowhere to report its own failure
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes what is buffered and ends the flushing thread (a run leaves no thread behind); the target stays open,
     * and later lines are written one by one.
     */
    void close() {
        Thread t;
        lock.lock();
        try {
            unbuffered = true;
            t = flusher;
            flusher = null;
            flush();
        } finally {
            lock.unlock();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeBuffer() {
        if (length > 0) {
            try {
                target.write(buffer, 0, length);
            } catch (IOException e) {
                // like System.err's: the log has nowhere to report its own failure
            }
            length = 0;
        }
    }

    /** Called with the lock held when the buffer stops being empty. */
    private void idleFlushLater() {
        if (flusher == null) {
            flusher = new Thread(this::flushWhenIdle, "findscu-log");
            flusher.setDaemon(true);
            flusher.start();
        } else {
            written.signal();
        }
    }

    private void flushWhenIdle() {
        lock.lock();
        try {
            while (!unbuffered) {
                while (length == 0) {
                    written.await();
                }
                written.await(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (length > 0) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            // close(): it has flushed
        } finally {
            lock.unlock();
        }
    }
}
