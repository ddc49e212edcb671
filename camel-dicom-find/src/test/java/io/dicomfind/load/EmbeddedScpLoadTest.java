package io.dicomfind.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.AssociationAbortedException;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.DicomNetworkException;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.dicom.scp.ScpCounters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent clients × 100 queries against the embedded SCP through the core API: every result set right, no
 * error, no association or socket left; then the same through a proxy that aborts 10 % of the associations: errors
 * exactly where it aborted, everything else right, nothing hangs.
 */
class EmbeddedScpLoadTest {
    static final int ITEMS = 50;
    static final int CLIENTS = 50;
    static final int QUERIES = 100;

    static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(Tag.AccessionNumber, VR.SH, "A" + i);
        a.setString(Tag.PatientName, VR.PN, "PATIENT^" + i);
        a.setString(Tag.PatientID, VR.LO, "P" + i);
        Attributes sps = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, VR.CS, i % 2 == 0 ? "CT" : "MR");
        return a;
    }

    /** Query q of client c: one patient by ID (one match), or every tenth query a name wildcard (11 matches). */
    static LoadRun.Check check(int client, int q) {
        Attributes keys = new Attributes();
        keys.setNull(Tag.AccessionNumber, VR.SH);
        if (q % 10 == 9) {
            keys.setString(Tag.PatientName, VR.PN, "PATIENT^1*"); // 1, 10..19
            Set<String> expected = IntStream.concat(IntStream.of(1), IntStream.range(10, 20))
                    .mapToObj(i -> "A" + i).collect(Collectors.toSet());
            return new LoadRun.Check(SopClasses.MODALITY_WORKLIST_FIND, keys, expected, Tag.AccessionNumber);
        }
        int k = (client * 7 + q) % ITEMS;
        keys.setString(Tag.PatientID, VR.LO, "P" + k);
        return new LoadRun.Check(SopClasses.MODALITY_WORKLIST_FIND, keys, Set.of("A" + k), Tag.AccessionNumber);
    }

    static EmbeddedFindScp scp() throws Exception {
        return EmbeddedFindScp.builder().aeTitle("LOADSCP").maxAssociations(CLIENTS + 14)
                .worklist(IntStream.range(0, ITEMS).mapToObj(EmbeddedScpLoadTest::item).toList()).start();
    }

    static AssociationConfig config(int port) {
        return AssociationConfig.builder("127.0.0.1", port).calledAeTitle("LOADSCP").callingAeTitle("LOAD")
                .abstractSyntaxes(SopClasses.MODALITY_WORKLIST_FIND).acseTimeout(Duration.ofSeconds(10))
                .dimseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void fiftyClientsHundredQueriesEachAllRightNothingLeaked() throws Exception {
        try (EmbeddedFindScp scp = scp()) {
            new LoadRun().run(config(scp.port()), 1, 1, 1, EmbeddedScpLoadTest::check, 30); // warm-up
            await(() -> scp.counters().openAssociations() == 0, "warm-up association ended");
            long fds = LoadRun.openFileDescriptors();
            long before = scp.counters().totalAssociations();

            LoadRun run = new LoadRun();
            run.run(config(scp.port()), CLIENTS, QUERIES, 25, EmbeddedScpLoadTest::check, 50);

            assertEquals(List.of(), run.failures, "no errors");
            assertEquals(0, run.wrongResults.get(), () -> String.join("\n", run.wrong));
            assertEquals(CLIENTS * QUERIES, run.queriesOk.get());
            ScpCounters c = scp.counters();
            await(() -> c.openAssociations() == 0, "every association ended on the SCP");
            assertEquals(CLIENTS * 4, c.totalAssociations() - before, "4 associations per client");
            assertEquals(c.totalAssociations(), c.releasedAssociations(), "all released, none aborted");
            assertEquals(0, c.abortedAssociations() + c.rejectedAssociations());
            await(() -> LoadRun.openFileDescriptors() <= fds, "no socket left open (fds back to " + fds + ")");
        }
    }

    @Test
    void aPeerAbortingTenPercentCausesErrorsOnlyWhereItAborted() throws Exception {
        try (EmbeddedFindScp scp = scp()) {
            new LoadRun().run(config(scp.port()), 1, 1, 1, EmbeddedScpLoadTest::check, 30); // warm-up
            await(() -> scp.counters().openAssociations() == 0, "warm-up association ended");
            long fds = LoadRun.openFileDescriptors();
            LoadRun run = new LoadRun();
            AbortingProxy proxy = new AbortingProxy(new InetSocketAddress("127.0.0.1", scp.port()), 0.10, 30, 42);
            try {
                run.run(config(proxy.port()), CLIENTS, QUERIES, 25, EmbeddedScpLoadTest::check, 50);
            } finally {
                proxy.close();
            }
            Set<Integer> aborted = proxy.abortedClientPorts();
            assertTrue(aborted.size() >= 5, "the proxy aborted " + aborted.size() + " of " + proxy.connections()
                    + " associations (10 % asked)");
            assertEquals(0, run.wrongResults.get(), () -> String.join("\n", run.wrong));
            Set<Integer> failedPorts = new HashSet<>();
            for (LoadRun.Failure f : run.failures) {
                assertTrue(aborted.contains(f.localPort()), "an error where the proxy did not abort: " + f);
                assertTrue(f.error() instanceof AssociationAbortedException
                        || f.error() instanceof DicomNetworkException, f.toString());
                assertTrue(f.error().getMessage().contains("A-ABORT") || f.error().getMessage().contains("abort"),
                        f.error().getMessage());
                failedPorts.add(f.localPort());
            }
            assertEquals(aborted, failedPorts, "every abort reached its client as an error");
            long failedQueries = run.failures.stream().filter(f -> f.query() >= 0).count();
            assertEquals(CLIENTS * QUERIES - failedQueries, run.queriesOk.get(),
                    "every query not hit by an abort succeeded with the right result");
            await(() -> scp.counters().openAssociations() == 0, "the SCP ended every association");
            await(() -> LoadRun.openFileDescriptors() <= fds, "no socket left open (fds back to " + fds + ")");
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(Condition condition, String what) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
