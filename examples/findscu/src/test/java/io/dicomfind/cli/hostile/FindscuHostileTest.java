package io.dicomfind.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.cli.Findscu;
import io.dicomfind.dicom.net.hostile.HostileBehaviour;
import io.dicomfind.dicom.net.hostile.HostileBehaviour.Client;
import io.dicomfind.dicom.net.hostile.HostileScp;
import io.dicomfind.dicom.net.hostile.LeakSnapshot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link HostileBehaviour} of the core's hostile-peer suite through findscu's main, run in-process
 * ({@link Findscu#run}) in the surefire execution {@code hostile} at -Xmx64m, with {@code -ta 1 -td 1 -ts 3}: the
 * exit code and the error line of {@link CliExpectation}, within 3 s (plus findscu's fixed 5 s ARTIM where the peer
 * keeps sending after our A-ABORT); no socket or thread left; the next findscu run against the same SCP, now
 * well-behaved, exits 0 with its match. The two C-ECHO behaviours do not apply: findscu sends no C-ECHO.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindscuHostileTest {
    /** ACSE/DIMSE timeouts (1 s) + slack, as the core suite. */
    static final long BOUND_MILLIS = 3000;
    /** findscu's ARTIM timer is not an option: 5 s (AssociationConfig's default). */
    static final long ARTIM_MILLIS = 5000;
    private static final Pattern PATIENT_NAME = Pattern.compile("\\(0010,0010\\) PN \\[([^\\]]*)\\]");

    private HostileScp scp;

    @BeforeAll
    void start() throws Exception {
        String heap = System.getProperty("dicomfind.hostile.maxHeapMiB");
        if (heap != null) { // the surefire "hostile" execution: prove the small heap is really in force
            long max = Runtime.getRuntime().maxMemory();
            assertTrue(max <= Long.parseLong(heap) * 1024 * 1024, "max heap " + max + " bytes, not " + heap + " MiB");
        }
        scp = HostileScp.start();
        for (Client c : Client.values()) { // load every class a run needs before threads and sockets are counted
            if (c != Client.ECHO) {
                good(c);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (scp != null) {
            scp.close();
        }
    }

    static Stream<HostileBehaviour> behaviours() {
        return Arrays.stream(HostileBehaviour.values()).filter(b -> b.client() != Client.ECHO);
    }

    record Run(int exit, String err, long bytes, long millis) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void findscu(HostileBehaviour b) throws Exception {
        CliExpectation expected = CliExpectation.of(b);
        b.prepare();
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        LeakSnapshot before = LeakSnapshot.take();
        scp.next(b.behaviour());
        Run run = findscu(b.client());
        String err = run.err;
        long bound = BOUND_MILLIS + (expected.artim() ? ARTIM_MILLIS : 0);
        assertTrue(run.millis < bound, b.title() + " took " + run.millis + " ms, more than " + bound + " ms; exit "
                + run.exit + ":\n" + tail(err));
        assertEquals(expected.exit(), run.exit, () -> b.title() + ": exit code; output:\n" + tail(err));
        if (expected.line() != null) {
            String line = err.lines().filter(l -> l.startsWith(expected.line())).findFirst()
                    .orElseThrow(() -> new AssertionError(b.title() + ": no line starting '" + expected.line()
                            + "' in:\n" + tail(err)));
            for (String f : expected.fragments()) {
                assertTrue(line.contains(f), () -> b.title() + ": error line lacks '" + f + "': " + line);
            }
            if (expected.namesPeer()) {
                String peer = "127.0.0.1:" + scp.port() + " (called AE 'HOSTILE')";
                assertTrue(line.contains(peer), () -> b.title() + ": error line does not name " + peer + ": " + line);
            }
        }
        if (expected.names() != null) {
            List<String> names = names(err);
            assertTrue(expected.names().test(names), () -> b.title() + ": responses shown " + names + ":\n" + err);
        }
        // afterwards: nothing left, and the next run on a new association works
        scp.awaitIdle(HostileScp.DRAIN_LIMIT_MS + 2000);
        before.assertNoLeak("after " + b.title());
        good(Client.FIND);
        scp.awaitIdle(5000);
        assertNull(scp.lastSession().failure, "the good session failed");
        before.assertNoLeak("after the good run following " + b.title());
    }

    private void good(Client c) {
        Run run = findscu(c);
        assertEquals(0, run.exit, () -> "good run failed:\n" + run.err);
        assertEquals(List.of(HostileScp.GOOD_NAME), names(run.err), run.err);
    }

    /** findscu with the core suite's timers and the option the behaviour's client needs. */
    private Run findscu(Client c) {
        List<String> args = new ArrayList<>(List.of("-W", "-aec", "HOSTILE", "-ta", "1", "-td", "1", "-ts", "3",
                "-k", "PatientName", "-k", "PatientID"));
        switch (c) {
            case FIND_DEFLATED -> args.add("-xd");
            case FIND_MAX_RESPONSES_50 -> args.addAll(List.of("--cancel", "50"));
            case CANCEL_AFTER_FIRST -> args.addAll(List.of("--cancel", "1"));
            default -> {
                // FIND, FIND_THEN_RELEASE (every run releases), FIND_TWO_CONTEXTS (findscu proposes one)
            }
        }
        args.addAll(List.of("127.0.0.1", String.valueOf(scp.port())));
        CappedOutput out = new CappedOutput();
        CappedOutput err = new CappedOutput();
        long t0 = System.nanoTime();
        int exit = Findscu.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(exit, err.text(), err.total(), millis);
    }

    private static List<String> names(String err) {
        List<String> names = new ArrayList<>();
        Matcher m = PATIENT_NAME.matcher(err);
        while (m.find()) {
            names.add(m.group(1).strip()); // findscu shows the padding, as DCMTK does
        }
        return names;
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
