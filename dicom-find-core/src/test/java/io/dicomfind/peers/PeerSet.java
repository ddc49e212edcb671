package io.dicomfind.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The three real peers of the {@link QueryCorpus}, started together (in parallel) and closed together: what a test
 * class that runs the corpus starts once in {@code @BeforeAll}.
 *
 * <pre>{@code
 * try (PeerSet peers = PeerSet.startAll()) {
 *     for (CorpusQuery q : QueryCorpus.all()) {
 *         FindScuResult dcmtk = DcmtkFindScu.run(peers.get(q.peer()), q, workDir);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class PeerSet implements AutoCloseable {

    private final Map<PeerKind, DicomPeer> peers;

    private PeerSet(Map<PeerKind, DicomPeer> peers) {
        this.peers = Collections.unmodifiableMap(peers);
    }

    /** Starts wlmscpfs, dcmqrscp and Orthanc with their standard data; if one fails, the others are closed. */
    public static PeerSet startAll() {
        PacsData.standardFiles(); // generate once before the two PACS peers load it concurrently
        Map<PeerKind, Supplier<DicomPeer>> starters = new EnumMap<>(PeerKind.class);
        starters.put(PeerKind.WORKLIST, WorklistScp::start);
        starters.put(PeerKind.QUERY_RETRIEVE, QueryRetrieveScp::start);
        starters.put(PeerKind.ORTHANC, OrthancPeer::start);
        Map<PeerKind, CompletableFuture<DicomPeer>> futures = new EnumMap<>(PeerKind.class);
        starters.forEach((k, s) -> futures.put(k, CompletableFuture.supplyAsync(s)));
        Map<PeerKind, DicomPeer> started = new EnumMap<>(PeerKind.class);
        List<Throwable> failures = new ArrayList<>();
        futures.forEach((k, f) -> {
            try {
                started.put(k, f.join());
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        });
        if (!failures.isEmpty()) {
            started.values().forEach(DicomPeer::close);
            IllegalStateException e = new IllegalStateException("could not start all DICOM peers: "
                    + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        return new PeerSet(started);
    }

    public DicomPeer get(PeerKind kind) {
        return peers.get(kind);
    }

    public WorklistScp worklist() {
        return (WorklistScp) peers.get(PeerKind.WORKLIST);
    }

    public QueryRetrieveScp queryRetrieve() {
        return (QueryRetrieveScp) peers.get(PeerKind.QUERY_RETRIEVE);
    }

    public OrthancPeer orthanc() {
        return (OrthancPeer) peers.get(PeerKind.ORTHANC);
    }

    public List<DicomPeer> all() {
        return List.copyOf(peers.values());
    }

    /** Closes every peer, even if closing one fails. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (DicomPeer p : peers.values()) {
            try {
                p.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
