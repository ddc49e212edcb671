package io.dicomfind.camel.change;

import java.util.Map;

/**
 * Where the change-tracking consumer keeps the items of its last successful poll, per snapshot name (by default the
 * endpoint URI). The consumer {@link #load loads} the snapshot before each comparison, then records every change
 * right after the route handled it ({@link #put} for NEW and CHANGED, {@link #remove} for REMOVED) and calls
 * {@link #flush} at the end of the batch. A change the route failed on is not recorded, so it is reported again by
 * the next poll. A store shared by several cluster members (JDBC) lets a new leader continue where the old one
 * stopped. Implementations must be thread-safe; only the leader writes.
 */
public interface ChangeSnapshotStore {
    /** The items of the named snapshot, by item key; empty when there is none yet. The map is the caller's. */
    Map<String, SnapshotItem> load(String snapshot) throws Exception;

    /** Records a NEW or CHANGED item. */
    void put(String snapshot, String itemKey, SnapshotItem item) throws Exception;

    /** Records a REMOVED item. */
    void remove(String snapshot, String itemKey) throws Exception;

    /** Makes the records of this poll durable; stores that write through do nothing. */
    default void flush(String snapshot) throws Exception {
    }
}
