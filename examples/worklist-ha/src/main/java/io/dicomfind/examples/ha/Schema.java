package io.dicomfind.examples.ha;

import io.dicomfind.camel.change.JdbcChangeSnapshotStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the example's two tables when they are missing: the change tracker's snapshot (shared by every node) and
 * {@code worklist_changes}. Nodes start at the same time, and two concurrent {@code CREATE TABLE IF NOT EXISTS} can
 * still collide in PostgreSQL's catalog, so the creation runs under a transaction-scoped advisory lock.
 */
final class Schema {
    static final String CHANGES_DDL = "CREATE TABLE IF NOT EXISTS worklist_changes ("
            + " item_key VARCHAR(1000) NOT NULL,"
            + " change_type VARCHAR(8) NOT NULL,"
            + " content_hash CHAR(64) NOT NULL,"
            + " changed_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " node_id VARCHAR(64) NOT NULL,"
            + " deliveries INTEGER NOT NULL,"
            + " PRIMARY KEY (item_key, change_type, content_hash))";

    private Schema() {
    }

    static void create(DataSource dataSource, JdbcChangeSnapshotStore snapshots) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(7241)");
                st.execute(snapshots.createTableStatement().replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
                st.execute(CHANGES_DDL);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
