package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dicomfind.camel.change.JdbcChangeSnapshotStore;
import io.dicomfind.camel.change.WorklistFiles;
import io.dicomfind.peers.PostgresServer;
import io.dicomfind.peers.WorklistScp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What cluster members share, on a real PostgreSQL 15 (a throwaway cluster for this class) against DCMTK wlmscpfs:
 * the {@link JdbcChangeSnapshotStore} (a member started later, or after a restart, continues from what the first
 * one recorded) and camel-sql's {@link JdbcMessageIdRepository} as the consumer's {@code idempotentRepository} (a
 * match routed by one member is not routed by another). Both tables are created by the test with the DDL the
 * documentation gives ({@code createTableIfNotExists=false}: camel-sql's own creation fails on PostgreSQL).
 */
class DicomFindJdbcPeerTest {
    /** docs/deployment.md gives the same statement. */
    static final String MESSAGE_PROCESSED_DDL = "CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255)"
            + " NOT NULL, messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMP NOT NULL,"
            + " PRIMARY KEY (processorName, messageId))";

    private static PostgresServer postgres;
    private static DataSource dataSource;
    private WorklistScp scp;
    private WorklistFiles files;
    private NetworkLeakCheck leaks;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = PostgresServer.start();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl());
        ds.setUser(PostgresServer.USER);
        dataSource = ds;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(new JdbcChangeSnapshotStore(ds).createTableStatement());
            st.execute(MESSAGE_PROCESSED_DDL);
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void start() {
        leaks = NetworkLeakCheck.baseline();
        scp = WorklistScp.startDcmtkExamples();
        files = WorklistFiles.of(scp);
        files.clear();
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext c : contexts) {
            c.close();
        }
        files.close();
        scp.close();
    }

    /** A started member polling on demand; "shared" is bound to a fresh object from the factory. */
    private DicomFindConsumer member(String options, Object shared) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("shared", shared);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dicomfind:OFFIS@127.0.0.1:" + scp.port() + "?startScheduler=false&key.PatientName="
                        + "&key.ScheduledProcedureStepSequence.Modality=" + options).routeId("poll")
                        .process(e -> received.add(e.copy()));
            }
        });
        context.start();
        contexts.add(context);
        return (DicomFindConsumer) context.getRoute("poll").getConsumer();
    }

    private List<String> poll(DicomFindConsumer consumer) throws Exception {
        received.clear();
        consumer.poll();
        leaks.assertNoLeak(consumer.getEndpoint().getCamelContext());
        return received.stream().map(e -> e.getMessage().getHeader(DicomFindConstants.CHANGE_TYPE, "MATCH",
                String.class) + " " + e.getMessage().getHeader(DicomFindConstants.ITEM_KEY, "", String.class))
                .toList();
    }

    @Test
    void theJdbcSnapshotIsSharedAndSurvivesTheMember() throws Exception {
        String options = "&changeTracking=true&changeSnapshotName=shared-wl&changeSnapshotStore=#shared";
        for (int n = 1; n <= 3; n++) {
            files.put(WorklistFiles.item(n));
        }
        DicomFindConsumer first = member(options, new JdbcChangeSnapshotStore(dataSource));
        assertEquals(3, poll(first).size());
        contexts.remove(0).close(); // the first member goes away

        files.put(WorklistFiles.item(1).withModality("MR"));
        files.remove(WorklistFiles.item(3));
        DicomFindConsumer second = member(options, new JdbcChangeSnapshotStore(dataSource));
        assertEquals(List.of("CHANGED " + WorklistFiles.item(1).key(), "REMOVED " + WorklistFiles.item(3).key()),
                poll(second));
        assertEquals(List.of(), poll(second));
        assertEquals(2, rows("SELECT COUNT(*) FROM DICOMFIND_CHANGE_SNAPSHOT WHERE SNAPSHOT_NAME = 'shared-wl'"));
    }

    @Test
    void aFailingDatabaseFailsThePollAndLosesNothing() throws Exception {
        files.put(WorklistFiles.item(1));
        JdbcChangeSnapshotStore missingTable = new JdbcChangeSnapshotStore(dataSource);
        missingTable.setTableName("NO_SUCH_TABLE");
        DicomFindConsumer consumer = member("&changeTracking=true&changeSnapshotStore=#shared", missingTable);
        Exception e = assertThrows(java.sql.SQLException.class, consumer::poll);
        assertEquals(true, e.getMessage().contains("no_such_table"), e.getMessage());
        assertEquals(List.of(), received);
    }

    @Test
    void theJdbcIdempotentRepositoryIsSharedByMembers() throws Exception {
        for (int n = 1; n <= 4; n++) {
            files.put(WorklistFiles.item(n));
        }
        String options = "&idempotent=true&idempotentRepository=#shared";
        DicomFindConsumer a = member(options, repository());
        DicomFindConsumer b = member(options, repository());
        assertEquals(4, poll(a).size());
        assertEquals(List.of(), poll(b), "routed by a, not again by b");
        files.put(WorklistFiles.item(5));
        assertEquals(1, poll(b).size());
        assertEquals(List.of(), poll(a));
        assertEquals(5, rows("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'worklist'"));
    }

    private static JdbcMessageIdRepository repository() {
        JdbcMessageIdRepository r = new JdbcMessageIdRepository(dataSource, "worklist");
        r.setCreateTableIfNotExists(false);
        return r;
    }

    private static int rows(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
