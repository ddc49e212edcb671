package io.dicomfind.camel.change;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Snapshots in a database table, shared by every cluster member and surviving restarts: a new leader loads what
 * the old one recorded, change by change (each {@link #put}/{@link #remove} is its own auto-committed statement), so
 * it reports again at most the change that was in the old leader's route when it died. Plain JDBC, no dialect: an
 * UPDATE, and an INSERT when no row was updated (only the leader writes, so the two cannot race).
 *
 * <p>The table is not created automatically; {@link #createTableStatement()} gives the DDL (tested on PostgreSQL
 * 15):
 * <pre>
 * CREATE TABLE DICOMFIND_CHANGE_SNAPSHOT (
 *     SNAPSHOT_NAME VARCHAR(2000) NOT NULL,
 *     ITEM_KEY VARCHAR(1000) NOT NULL,
 *     CONTENT_HASH CHAR(64) NOT NULL,
 *     CONTENT TEXT NOT NULL,
 *     UPDATED_AT TIMESTAMP NOT NULL,
 *     PRIMARY KEY (SNAPSHOT_NAME, ITEM_KEY))
 * </pre>
 */
public class JdbcChangeSnapshotStore implements ChangeSnapshotStore {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private DataSource dataSource;
    private String tableName = "DICOMFIND_CHANGE_SNAPSHOT";

    public JdbcChangeSnapshotStore() {
    }

    public JdbcChangeSnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, optionally schema-qualified; default DICOMFIND_CHANGE_SNAPSHOT. */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcChangeSnapshotStore: table name '" + tableName
                    + "' is not a plain SQL identifier (letters, digits, underscore, optionally schema.table)");
        }
        this.tableName = tableName;
    }

    /** The CREATE TABLE statement for {@link #getTableName()}. */
    public String createTableStatement() {
        return "CREATE TABLE " + tableName + " (SNAPSHOT_NAME VARCHAR(2000) NOT NULL, ITEM_KEY VARCHAR(1000) NOT NULL,"
                + " CONTENT_HASH CHAR(64) NOT NULL, CONTENT TEXT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL,"
                + " PRIMARY KEY (SNAPSHOT_NAME, ITEM_KEY))";
    }

    @Override
    public Map<String, SnapshotItem> load(String snapshot) throws SQLException {
        Map<String, SnapshotItem> items = new HashMap<>();
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT ITEM_KEY, CONTENT_HASH, CONTENT FROM " + tableName
                     + " WHERE SNAPSHOT_NAME = ?")) {
            ps.setString(1, snapshot);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.put(rs.getString(1), new SnapshotItem(rs.getString(2).trim(),
                            SnapshotCodec.decode(rs.getString(3))));
                }
            }
        }
        return items;
    }

    @Override
    public void put(String snapshot, String itemKey, SnapshotItem item) throws SQLException {
        try (Connection c = connection()) {
            put(c, snapshot, itemKey, item);
        }
    }

    /**
     * Records a NEW or CHANGED item on the caller's connection, in the caller's transaction: a route that writes
     * the change somewhere in the same database can commit the change and its snapshot entry together, so that
     * a leader killed in between leaves neither (the next leader reports the change) or both (it does not). The
     * consumer's own record after the route then finds the entry already there.
     */
    public void put(Connection c, String snapshot, String itemKey, SnapshotItem item) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        String content = SnapshotCodec.encode(item.values());
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tableName
                + " SET CONTENT_HASH = ?, CONTENT = ?, UPDATED_AT = ? WHERE SNAPSHOT_NAME = ? AND ITEM_KEY = ?")) {
            ps.setString(1, item.contentHash());
            ps.setString(2, content);
            ps.setTimestamp(3, now);
            ps.setString(4, snapshot);
            ps.setString(5, itemKey);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tableName
                    + " (SNAPSHOT_NAME, ITEM_KEY, CONTENT_HASH, CONTENT, UPDATED_AT) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, snapshot);
                ps.setString(2, itemKey);
                ps.setString(3, item.contentHash());
                ps.setString(4, content);
                ps.setTimestamp(5, now);
                ps.executeUpdate();
            }
        }
    }

    @Override
    public void remove(String snapshot, String itemKey) throws SQLException {
        try (Connection c = connection()) {
            remove(c, snapshot, itemKey);
        }
    }

    /** Records a REMOVED item on the caller's connection, in the caller's transaction (see the put variant). */
    public void remove(Connection c, String snapshot, String itemKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tableName
                     + " WHERE SNAPSHOT_NAME = ? AND ITEM_KEY = ?")) {
            ps.setString(1, snapshot);
            ps.setString(2, itemKey);
            ps.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        if (dataSource == null) {
            throw new IllegalStateException("JdbcChangeSnapshotStore: no dataSource set");
        }
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true); // one statement, one change: durable as soon as it returns
        }
        return c;
    }

    @Override
    public String toString() {
        return "JdbcChangeSnapshotStore[" + tableName + "]";
    }
}
