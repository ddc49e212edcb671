package io.dicomfind.camel.change;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: snapshots in this JVM's memory. Changes are reported once per process; after a restart every
 * item is NEW again. Not shared between cluster members (use {@link JdbcChangeSnapshotStore}).
 */
public class MemoryChangeSnapshotStore implements ChangeSnapshotStore {
    private final Map<String, Map<String, SnapshotItem>> snapshots = new ConcurrentHashMap<>();

    @Override
    public Map<String, SnapshotItem> load(String snapshot) {
        return new HashMap<>(items(snapshot));
    }

    @Override
    public void put(String snapshot, String itemKey, SnapshotItem item) {
        items(snapshot).put(itemKey, item);
    }

    @Override
    public void remove(String snapshot, String itemKey) {
        items(snapshot).remove(itemKey);
    }

    private Map<String, SnapshotItem> items(String snapshot) {
        return snapshots.computeIfAbsent(snapshot, s -> new ConcurrentHashMap<>());
    }
}
