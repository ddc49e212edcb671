package io.dicomfind.examples.ha;

import io.dicomfind.camel.change.JdbcChangeSnapshotStore;
import io.dicomfind.camel.change.SnapshotItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change, one row of {@code worklist_changes}, by upsert on (item key, change type, content hash), committed in
 * one transaction with the change's snapshot entry ({@link JdbcChangeSnapshotStore}'s connection variants): a
 * leader killed at any moment leaves both or neither, so the next leader neither loses the change nor reports it
 * under another name (an item changed again meanwhile would otherwise come back as NEW). A change delivered again
 * anyway only counts up {@code deliveries}. A failed write fails the exchange; the next poll reports it again.
 */
final class ChangeRecorder implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRecorder.class);
    static final String UPSERT = "INSERT INTO worklist_changes"
            + " (item_key, change_type, content_hash, changed_at, node_id, deliveries)"
            + " VALUES (?, ?, ?, now(), ?, 1)"
            + " ON CONFLICT (item_key, change_type, content_hash)"
            + " DO UPDATE SET deliveries = worklist_changes.deliveries + 1";

    private final DataSource dataSource;
    private final JdbcChangeSnapshotStore snapshots;
    private final String snapshotName;
    private final String nodeId;

    ChangeRecorder(DataSource dataSource, JdbcChangeSnapshotStore snapshots, String snapshotName, String nodeId) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.snapshotName = snapshotName;
        this.nodeId = nodeId;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String type = in.getHeader("CamelDicomFindChangeType", String.class);
        String key = in.getHeader("CamelDicomFindItemKey", String.class);
        String hash = in.getHeader("CamelDicomFindContentHash", String.class);
        SnapshotItem item = exchange.getProperty("CamelDicomFindSnapshotItem", SnapshotItem.class);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, key);
                ps.setString(2, type);
                ps.setString(3, hash);
                ps.setString(4, nodeId);
                ps.executeUpdate();
                if (item == null) {
                    snapshots.remove(c, snapshotName, key);
                } else {
                    snapshots.put(c, snapshotName, key, item);
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("{} {} {}", type, key, type.equals("CHANGED")
                ? in.getHeader("CamelDicomFindChangedAttributes", String.class) : "");
    }
}
