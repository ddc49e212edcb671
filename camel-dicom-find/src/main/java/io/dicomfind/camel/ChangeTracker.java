package io.dicomfind.camel;

import io.dicomfind.camel.change.ChangeSnapshotStore;
import io.dicomfind.camel.change.ChangeType;
import io.dicomfind.camel.change.MemoryChangeSnapshotStore;
import io.dicomfind.camel.change.SnapshotItem;
import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.DimseStatus;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Message;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code changeTracking}: compares each poll's matches with the snapshot of the previous successful poll, by
 * {@link ItemKey}, and turns the differences into {@link Change}s. The snapshot is loaded when a poll starts; only
 * the identifiers of NEW and CHANGED items are held while the C-FIND runs. REMOVED is decided only after a C-FIND
 * that ended with Success (0000): a poll that failed, was cancelled or stopped, hit a response limit or ended with a
 * warning or Cancel status reports nothing and leaves the snapshot as it was, since an item missing from it may
 * only be missing from the answer. Each change is recorded in the store after the route handled it, so a change
 * is reported once, and again only if the route failed on it.
 */
final class ChangeTracker {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTracker.class);

    /** One difference; {@code identifier} is null for REMOVED. */
    record Change(ChangeType type, String key, SnapshotItem current, SnapshotItem previous, Attributes identifier) {
        /** The snapshot content this change leaves behind (null for REMOVED). */
        SnapshotItem recorded() {
            return current;
        }
    }

    private final ChangeSnapshotStore store;
    private final String snapshot;
    private final ItemKey itemKey;
    private final String peer;

    ChangeTracker(ChangeSnapshotStore store, String snapshot, ItemKey itemKey, String peer) {
        this.store = store;
        this.snapshot = snapshot;
        this.itemKey = itemKey;
        this.peer = peer;
    }

    /** From the endpoint's changeKey, changeSnapshotStore and changeSnapshotName options. */
    static ChangeTracker of(DicomFindEndpoint endpoint) {
        DicomFindConfiguration c = endpoint.getConfiguration();
        ChangeSnapshotStore store = c.getChangeSnapshotStore() != null ? c.getChangeSnapshotStore()
                : new MemoryChangeSnapshotStore();
        String name = c.getChangeSnapshotName() != null && !c.getChangeSnapshotName().isBlank()
                ? c.getChangeSnapshotName() : URISupport.sanitizeUri(endpoint.getEndpointUri());
        boolean worklist = Model.WORKLIST.sopClassUid().equals(Model.sopClassUidOf(c.getModel()));
        return new ChangeTracker(store, name, ItemKey.of(c.getChangeKey(), worklist),
                c.getCalledAet() + "@" + c.getHost() + ":" + c.getPort());
    }

    String snapshotName() {
        return snapshot;
    }

    ChangeSnapshotStore store() {
        return store;
    }

    /** Starts comparing one poll against the stored snapshot; asks the query for the key attributes it lacks. */
    Poll begin(Attributes query) throws Exception {
        itemKey.addReturnKeys(query);
        return new Poll(store.load(snapshot));
    }

    /** One poll's comparison, fed match by match. Not thread-safe: one per poll. */
    final class Poll {
        private final Map<String, SnapshotItem> previous;
        private final Set<String> seen = new HashSet<>();
        private final List<Change> changes = new ArrayList<>();
        private final MessageDigest digest = DicomFindConsumer.sha256();
        private int duplicates;

        private Poll(Map<String, SnapshotItem> previous) {
            this.previous = previous;
        }

        void match(Attributes identifier) {
            SnapshotItem item = ItemContent.of(identifier, digest);
            String key = itemKey.keyOf(item.values(), item.contentHash());
            if (!seen.add(key)) {
                duplicates++; // two matches with one key: the first stands (a changeKey that is not unique)
                return;
            }
            SnapshotItem before = previous.get(key);
            if (before == null) {
                changes.add(new Change(ChangeType.NEW, key, item, null, identifier));
            } else if (!before.contentHash().equals(item.contentHash())) {
                changes.add(new Change(ChangeType.CHANGED, key, item, before, identifier));
            }
        }

        /**
         * The changes of a C-FIND that ended: with {@code status} Success, NEW, CHANGED and REMOVED; otherwise none
         * (status null means the C-FIND did not end: stopped or broken).
         */
        List<Change> complete(DimseStatus status) {
            if (duplicates > 0) {
                LOG.warn("C-FIND on {}: {} matches had an item key already seen in this poll and were ignored;"
                        + " set changeKey to attributes that identify one item", peer, duplicates);
            }
            if (status == null || status.code() != DimseStatus.SUCCESS) {
                LOG.warn("C-FIND on {} ended {}: change tracking reports nothing for this poll and keeps the"
                        + " snapshot of the last successful one", peer,
                        status == null ? "before its final response" : "with status " + status);
                return List.of();
            }
            List<Change> all = new ArrayList<>(changes);
            new TreeMap<>(previous).forEach((key, before) -> {
                if (!seen.contains(key)) {
                    all.add(new Change(ChangeType.REMOVED, key, null, before, null));
                }
            });
            return all;
        }
    }

    /** Sets the change headers on a change's message. */
    static void setHeaders(Message in, Change change) {
        in.setHeader(DicomFindConstants.CHANGE_TYPE, change.type().name());
        in.setHeader(DicomFindConstants.ITEM_KEY, change.key());
        SnapshotItem content = change.current() != null ? change.current() : change.previous();
        in.setHeader(DicomFindConstants.CONTENT_HASH, content.contentHash());
        if (change.type() == ChangeType.CHANGED) {
            Map<String, String> before = new LinkedHashMap<>();
            for (String path : changedPaths(change.previous().values(), change.current().values())) {
                before.put(path, change.previous().values().get(path));
            }
            in.setHeader(DicomFindConstants.CHANGED_ATTRIBUTES, new ArrayList<>(before.keySet()));
            in.setHeader(DicomFindConstants.PREVIOUS_VALUES, before);
        } else if (change.type() == ChangeType.REMOVED) {
            in.setHeader(DicomFindConstants.PREVIOUS_VALUES, new LinkedHashMap<>(change.previous().values()));
        }
    }

    /** Paths whose value differs, appeared or disappeared, in path order. */
    static List<String> changedPaths(Map<String, String> before, Map<String, String> after) {
        TreeMap<String, Boolean> paths = new TreeMap<>();
        before.forEach((p, v) -> {
            if (!v.equals(after.get(p))) {
                paths.put(p, Boolean.TRUE);
            }
        });
        after.forEach((p, v) -> {
            if (!before.containsKey(p)) {
                paths.put(p, Boolean.TRUE);
            }
        });
        return new ArrayList<>(paths.keySet());
    }

    /** Records a change the route handled. */
    void recorded(Change change) throws Exception {
        if (change.type() == ChangeType.REMOVED) {
            store.remove(snapshot, change.key());
        } else {
            store.put(snapshot, change.key(), change.recorded());
        }
    }

    void flush() throws Exception {
        store.flush(snapshot);
    }
}
