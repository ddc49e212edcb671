package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** findscu's log lines through the buffered {@link LogOutput}: the same lines as written unbuffered, all of them. */
class CliLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        synchronized (stream) { // the idle flusher writes on its own thread
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * What the log wrote before it was buffered: split on "\r?\n", a final "\n" ending the last line, control
     * characters left in a line (a lone "\r") escaped as {@code \\u000D} (docs/robustness.md, "Output").
     */
    private static String unbuffered(String prefix, String message) {
        String[] lines = message.split("\r?\n", -1);
        int n = lines.length > 1 && message.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(prefix).append(": ").append(lines[i].replace("\r", "\\u000D")).append(System.lineSeparator());
        }
        return sb.toString();
    }

    @Test
    void everyLineOfAMessageGetsThePrefixAsBefore() {
        CliLog log = new CliLog(stream, LogLevel.INFO);
        List<String> messages = List.of("one line", "", "\n", "\n\n", "a\nb", "a\r\nb\r\n", "trailing\n",
                "two\n\n", "\r", "cr\rinside", "\nleading", "x\r\n\r\ny", "# Dicom-Data-Set\n(0010,0010) PN [A]\n");
        StringBuilder expected = new StringBuilder();
        for (String m : messages) {
            log.write(LogLevel.INFO, m);
            log.warn(m);
            expected.append(unbuffered("I", m)).append(unbuffered("W", m));
        }
        log.close();
        assertEquals(expected.toString(), text());
    }

    @Test
    void belowTheThresholdNothingIsWritten() {
        CliLog log = new CliLog(stream, LogLevel.WARN);
        log.info("not shown");
        log.debug("not shown");
        log.error("shown");
        log.close();
        assertEquals("E: shown" + System.lineSeparator(), text());
    }

    @Test
    void linesLongerThanTheBufferArriveWhole() {
        CliLog log = new CliLog(stream, LogLevel.INFO);
        String longLine = "x".repeat(100_000) + "y";
        log.info(longLine);
        log.info("after");
        log.close();
        assertEquals("I: " + longLine + System.lineSeparator() + "I: after" + System.lineSeparator(), text());
    }

    @Test
    void bufferedLinesAreWrittenOnceTheLogIsIdleWithoutAFlush() throws InterruptedException {
        CliLog log = new CliLog(stream, LogLevel.INFO);
        log.info("waiting for the next response");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (text().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("I: waiting for the next response" + System.lineSeparator(), text());
        // and again after the buffer had been emptied: the flusher waits for the next line
        log.info("second");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!text().contains("second") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(text().endsWith("I: second" + System.lineSeparator()), text());
        log.close();
    }

    @Test
    void closeWritesEverythingEndsTheFlusherAndLaterLinesStillArrive() throws InterruptedException {
        CliLog log = new CliLog(stream, LogLevel.INFO);
        log.info("during the run");
        assertTrue(flusherAlive(), "no flusher thread while lines are buffered");
        log.close();
        assertEquals("I: during the run" + System.lineSeparator(), text());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (flusherAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(!flusherAlive(), "the flusher thread outlived close()");
        log.error("from a thread the run left behind");
        assertEquals("I: during the run" + System.lineSeparator() + "E: from a thread the run left behind"
                + System.lineSeparator(), text());
    }

    private static boolean flusherAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("findscu-log"));
    }

    @Test
    void linesFromSeveralThreadsNeverInterleave() throws InterruptedException {
        CliLog log = new CliLog(stream, LogLevel.INFO);
        int threads = 4;
        int lines = 20_000;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts.add(new Thread(() -> {
                for (int i = 0; i < lines; i++) {
                    log.info("thread " + id + " line " + i + " " + "-".repeat(i % 97));
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        log.close();
        List<String> all = text().lines().toList();
        for (String line : all) {
            assertTrue(line.matches("I: thread \\d line \\d+ -*"), line);
        }
        Set<String> seen = new HashSet<>(all);
        assertEquals(threads * lines, all.size());
        assertEquals(threads * lines, seen.size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < lines; i += 997) {
                String line = "I: thread " + t + " line " + i + " " + "-".repeat(i % 97);
                assertTrue(seen.contains(line), line);
            }
        }
    }
}
