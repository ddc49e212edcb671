package io.dicomfind.examples.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.scp.DataSetSource;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.PostgresServer;
import io.dicomfind.peers.ZooKeeperServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example as an operator runs it: ZooKeeper 3.8, PostgreSQL 15, the embedded worklist SCP of the test kit, and
 * two nodes started by {@code run-node.sh} as separate JVMs. Items are added, changed and removed; the leader is
 * killed with {@code kill -9} in the middle; the worklist changes again. Asserted: the other node takes over within
 * {@link #TAKEOVER_BOUND}, every change is one row of {@code worklist_changes}, none is lost, and no association or
 * process is left.
 */
class WorklistHaExampleTest {
    static final long SESSION_TIMEOUT_MS = 4000;
    static final long PERIOD_MS = 500;
    /** docs/deployment.md: takeover after a crash <= ZooKeeper session timeout + period + 3 s. */
    static final Duration TAKEOVER_BOUND = Duration.ofMillis(SESSION_TIMEOUT_MS + PERIOD_MS + 3000);

    private PostgresServer postgres;
    private ZooKeeperServer zooKeeper;
    private EmbeddedFindScp scp;
    private final Map<String, Attributes> worklist = new ConcurrentHashMap<>();
    private final Map<String, Process> nodes = new TreeMap<>();
    private Path logs;

    @BeforeEach
    void start() throws Exception {
        postgres = PostgresServer.start();
        zooKeeper = ZooKeeperServer.start();
        scp = EmbeddedFindScp.builder().aeTitle("WLM").port(0)
                .worklist(DataSetSource.ofStream(() -> List.copyOf(worklist.values()).stream())).start();
        logs = Peers.tempDir("worklist-ha-logs");
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes.values()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (scp != null) {
            scp.close();
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Peers.deleteRecursively(logs);
    }

    private Process startNode(String id) throws Exception {
        Path script = Paths.get("run-node.sh").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), id)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(id + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("DICOMFIND_SCP", "WLM@127.0.0.1:" + scp.port());
        env.put("DICOMFIND_ZK", zooKeeper.connectString());
        env.put("DICOMFIND_JDBC_URL", postgres.jdbcUrl());
        env.put("DICOMFIND_JDBC_USER", PostgresServer.USER);
        env.put("DICOMFIND_PERIOD", Long.toString(PERIOD_MS));
        env.put("DICOMFIND_ZK_SESSION_TIMEOUT", Long.toString(SESSION_TIMEOUT_MS));
        env.remove("DICOMFIND_STATION");
        env.remove("DICOMFIND_DATE");
        Process p = pb.start();
        nodes.put(id, p);
        return p;
    }

    private String log(String id) throws Exception {
        Path f = logs.resolve(id + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    static Attributes item(int n, String modality, String time) {
        String nn = String.format("%03d", n);
        Attributes ds = new Attributes();
        ds.setString(0x00080050, VR.SH, "ACC" + nn);
        ds.setString(0x00100010, VR.PN, "HA^PATIENT" + nn);
        ds.setString(0x00100020, VR.LO, "PID" + nn);
        ds.setString(0x0020000D, VR.UI, "1.2.826.0.1.3680043.10.1.8." + n);
        ds.setString(0x00401001, VR.SH, "RP" + nn);
        Sequence sps = ds.newSequence(0x00400100);
        Attributes step = sps.itemOrCreate(0);
        step.setString(0x00080060, VR.CS, modality);
        step.setString(0x00400001, VR.AE, "STATION" + (n % 2));
        step.setString(0x00400002, VR.DA, "20261203");
        step.setString(0x00400003, VR.TM, time);
        step.setString(0x00400009, VR.SH, "SPS" + nn);
        return ds;
    }

    static String key(int n) {
        return "1.2.826.0.1.3680043.10.1.8." + n + "|SPS" + String.format("%03d", n);
    }

    private void put(int n, String modality, String time) {
        worklist.put(key(n), item(n, modality, time));
    }

    record Row(String key, String type, String hash, String node, int deliveries) {
    }

    private List<Row> rows() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "");
             Statement st = c.createStatement()) {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT item_key, change_type, content_hash, node_id, deliveries"
                    + " FROM worklist_changes ORDER BY changed_at, item_key")) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            return List.of(); // the table does not exist yet
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what
                        + "; rows " + rows() + "\nnode-a:\n" + log("node-a") + "\nnode-b:\n" + log("node-b"));
            }
            Thread.sleep(100);
        }
    }

    private int count() {
        try {
            return rows().size();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void theOtherNodeTakesOverAfterKill9AndEveryChangeIsRecordedOnce() throws Exception {
        put(1, "CT", "080000");
        put(2, "MR", "090000");
        put(3, "US", "100000");
        startNode("node-a");
        startNode("node-b");
        await("3 NEW rows", Duration.ofSeconds(60), () -> count() == 3);
        String leader = rows().get(0).node();
        String survivor = leader.equals("node-a") ? "node-b" : "node-a";
        assertTrue(rows().stream().allMatch(r -> r.node().equals(leader)), "one node polls");

        put(4, "CT", "110000");           // NEW
        put(2, "MR", "093000");           // CHANGED (start time)
        await("5 rows", Duration.ofSeconds(20), () -> count() == 5);

        // kill -9 the leader between polls, then change the worklist again
        ProcessHandle killed = nodes.get(leader).toHandle();
        long t0 = System.nanoTime();
        assertTrue(killed.destroyForcibly()); // SIGKILL
        killed.onExit().get(10, TimeUnit.SECONDS);
        put(1, "MR", "080000");           // CHANGED (modality)
        worklist.remove(key(3));          // REMOVED
        put(5, "NM", "120000");           // NEW
        worklist.get(key(4)).setString(0x00100010, VR.PN, "HA^RENAMED004"); // CHANGED (patient name)

        await("the survivor records the 4 changes", TAKEOVER_BOUND.plusSeconds(30), () -> count() == 9);
        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("worklist-ha: %s killed with SIGKILL; %s recorded all changes %d ms later (bound %d ms,"
                + " ZooKeeper session timeout %d ms, period %d ms)%n", leader, survivor, takeoverMillis,
                TAKEOVER_BOUND.toMillis(), SESSION_TIMEOUT_MS, PERIOD_MS);
        Thread.sleep(3 * PERIOD_MS); // no late duplicates
        List<Row> rows = rows();
        assertEquals(9, rows.size(), rows.toString());
        List<String> changes = rows.stream().map(r -> r.type() + " " + r.key()).sorted().toList();
        assertEquals(List.of(
                "CHANGED " + key(1), "CHANGED " + key(2), "CHANGED " + key(4),
                "NEW " + key(1), "NEW " + key(2), "NEW " + key(3), "NEW " + key(4), "NEW " + key(5),
                "REMOVED " + key(3)), changes);
        assertTrue(rows.subList(0, 5).stream().allMatch(r -> r.node().equals(leader)), rows.toString());
        assertTrue(rows.subList(5, 9).stream().allMatch(r -> r.node().equals(survivor)), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.deliveries() == 1), "no re-delivery: " + rows);
        assertNotEquals(rows.stream().filter(r -> r.key().equals(key(1)) && r.type().equals("NEW")).findFirst()
                .orElseThrow().hash(), rows.stream().filter(r -> r.key().equals(key(1))
                && r.type().equals("CHANGED")).findFirst().orElseThrow().hash());
        assertTrue(takeoverMillis <= TAKEOVER_BOUND.toMillis(), "takeover took " + takeoverMillis + " ms");
        assertTrue(log(survivor).contains(survivor + " leads namespace worklist-ha"), log(survivor));

        // stop the survivor as an operator would (SIGTERM): nothing left behind
        Process last = nodes.get(survivor);
        last.destroy();
        assertTrue(last.waitFor(30, TimeUnit.SECONDS), "node stopped on SIGTERM");
        assertFalse(last.isAlive());
        assertTrue(nodes.values().stream().noneMatch(Process::isAlive), "no node process left");
        await("no association left at the SCP", Duration.ofSeconds(10),
                () -> scp.counters().openAssociations() == 0);
    }
}
