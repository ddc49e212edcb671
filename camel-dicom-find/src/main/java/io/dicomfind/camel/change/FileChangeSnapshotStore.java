package io.dicomfind.camel.change;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots in files of a directory, one file per snapshot name, surviving restarts. A file holds one line per item
 * ({@code key TAB contentHash TAB values}, URL-encoded) and is replaced atomically (written next to it, then moved)
 * at {@link #flush}, i.e. once per poll: a process killed in the middle of a batch reports that batch's changes again
 * after the restart. On a shared filesystem it can serve the members of a file-lock cluster; a file is read again at
 * every {@link #load}, so a new leader sees what the old one flushed.
 *
 * <p>In a route: {@code changeSnapshotStore=#class:io.dicomfind.camel.change.FileChangeSnapshotStore('/var/lib/x')}.
 */
public class FileChangeSnapshotStore implements ChangeSnapshotStore {
    private static final String HEADER = "# dicomfind change snapshot v1 ";

    private final Path directory;
    private final Map<String, Map<String, SnapshotItem>> pending = new ConcurrentHashMap<>();

    public FileChangeSnapshotStore(String directory) {
        this(Paths.get(directory));
    }

    public FileChangeSnapshotStore(Path directory) {
        this.directory = directory;
    }

    public Path getDirectory() {
        return directory;
    }

    /** The file of a snapshot: its name hashed, since a name is an endpoint URI with characters no filesystem takes. */
    public Path fileOf(String snapshot) {
        return directory.resolve("snapshot-" + sha256(snapshot).substring(0, 32) + ".txt");
    }

    @Override
    public synchronized Map<String, SnapshotItem> load(String snapshot) throws IOException {
        Map<String, SnapshotItem> items = read(snapshot);
        pending.put(snapshot, new HashMap<>(items));
        return items;
    }

    private Map<String, SnapshotItem> read(String snapshot) throws IOException {
        Path file = fileOf(snapshot);
        Map<String, SnapshotItem> items = new HashMap<>();
        if (!Files.exists(file)) {
            return items;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw new IOException("change snapshot file " + file + " is not a dicomfind snapshot (first line must"
                    + " start with '" + HEADER.trim() + "')");
        }
        for (int n = 1; n < lines.size(); n++) {
            String[] f = lines.get(n).split("\t", -1);
            if (f.length != 3) {
                throw new IOException("change snapshot file " + file + " line " + (n + 1) + ": expected 3 fields"
                        + " separated by tabs, found " + f.length);
            }
            items.put(SnapshotCodec.dec(f[0]), new SnapshotItem(f[1], SnapshotCodec.decode(f[2])));
        }
        return items;
    }

    @Override
    public synchronized void put(String snapshot, String itemKey, SnapshotItem item) throws IOException {
        current(snapshot).put(itemKey, item);
    }

    @Override
    public synchronized void remove(String snapshot, String itemKey) throws IOException {
        current(snapshot).remove(itemKey);
    }

    private Map<String, SnapshotItem> current(String snapshot) throws IOException {
        Map<String, SnapshotItem> items = pending.get(snapshot);
        if (items == null) {
            items = new HashMap<>(read(snapshot));
            pending.put(snapshot, items);
        }
        return items;
    }

    @Override
    public synchronized void flush(String snapshot) throws IOException {
        Map<String, SnapshotItem> items = pending.get(snapshot);
        if (items == null) {
            return;
        }
        Files.createDirectories(directory);
        Path file = fileOf(snapshot);
        Path tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(HEADER + SnapshotCodec.enc(snapshot));
                w.newLine();
                for (Map.Entry<String, SnapshotItem> e : items.entrySet()) {
                    w.write(SnapshotCodec.enc(e.getKey()) + '\t' + e.getValue().contentHash() + '\t'
                            + SnapshotCodec.encode(e.getValue().values()));
                    w.newLine();
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "FileChangeSnapshotStore[" + directory + "]";
    }
}
