package io.dicomfind.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK {@code dcmqrscp}: the Patient Root, Study Root and Patient/Study Only Query/Retrieve peer (PS3.4 C), loaded
 * with {@link PacsData#standard()} under AE title {@value #AE_TITLE} (40 studies). A second storage area
 * {@value #EMPTY_AE_TITLE} stays empty (every query there answers with no matches).
 *
 * <p>Limits from PEERS.md: at most 500 studies per storage area (the 501st silently evicts the oldest and has crashed
 * the handler), so {@link #load(List, long)} refuses more. dcmqrscp converts answers to the query's Specific Character Set;
 * without (0008,0005) in the query it returns stored bytes as they are.
 */
public final class QueryRetrieveScp extends ServerPeer {

    public static final String AE_TITLE = "QRSCP";
    public static final String EMPTY_AE_TITLE = "QREMPTY";
    /** dcmqrscp's compiled-in maximum number of studies per storage area. */
    public static final int MAX_STUDIES_PER_AE = 500;

    private Duration loadTime = Duration.ZERO;

    private QueryRetrieveScp(Path dir, int port, PeerProcess process) {
        super(dir, port, process);
    }

    /** dcmqrscp's MaxAssociations unless a test asks for more. */
    public static final int DEFAULT_MAX_ASSOCIATIONS = 16;

    /** Starts dcmqrscp with the standard data loaded. */
    public static QueryRetrieveScp start() {
        return start(DEFAULT_MAX_ASSOCIATIONS);
    }

    /** Starts dcmqrscp with the standard data loaded, accepting up to {@code maxAssociations} at once (load tests). */
    public static QueryRetrieveScp start(int maxAssociations) {
        QueryRetrieveScp scp = startEmpty(maxAssociations);
        try {
            scp.load(PacsData.standardFiles(), PacsData.standard().studies().size());
            return scp;
        } catch (RuntimeException e) {
            scp.close();
            throw e;
        }
    }

    /** Starts dcmqrscp with both storage areas empty. */
    public static QueryRetrieveScp startEmpty() {
        return startEmpty(DEFAULT_MAX_ASSOCIATIONS);
    }

    /** Starts dcmqrscp with both storage areas empty, accepting up to {@code maxAssociations} at once. */
    public static QueryRetrieveScp startEmpty(int maxAssociations) {
        Peers.requireBinaries("dcmqrscp", "storescu", "dump2dcm", "dcmdump", "findscu");
        return Peers.inTempDir("dcmqrscp", "configure dcmqrscp", dir -> {
            int port = Peers.freePort();
            Path config = dir.resolve("dcmqrscp.cfg");
            Files.createDirectories(dir.resolve(AE_TITLE));
            Files.createDirectories(dir.resolve(EMPTY_AE_TITLE));
            Files.writeString(config, config(port, dir, maxAssociations));
            PeerProcess p = PeerProcess.startListening("dcmqrscp", List.of("dcmqrscp", "-c", config.toString(),
                    Integer.toString(port)), Peers.dcmtkEnvironment(), dir, dir.resolve("dcmqrscp.log"), port);
            return new QueryRetrieveScp(dir, port, p);
        });
    }

    /** The configuration file (see DCMTK's dcmqrcnf.txt): one storage area per AE title, any peer allowed. */
    static String config(int port, Path dir) {
        return config(port, dir, DEFAULT_MAX_ASSOCIATIONS);
    }

    static String config(int port, Path dir, int maxAssociations) {
        return String.join("\n",
                "NetworkTCPPort  = " + port,
                "MaxPDUSize      = 16384",
                "MaxAssociations = " + maxAssociations,
                "HostTable BEGIN",
                "HostTable END",
                "VendorTable BEGIN",
                "VendorTable END",
                "AETable BEGIN",
                AE_TITLE + "  " + dir.resolve(AE_TITLE) + "  RW  (" + MAX_STUDIES_PER_AE + ", 1024mb)  ANY",
                EMPTY_AE_TITLE + "  " + dir.resolve(EMPTY_AE_TITLE) + "  RW  (" + MAX_STUDIES_PER_AE
                        + ", 1024mb)  ANY",
                "AETable END", "");
    }

    /**
     * Stores {@code files} (holding {@code studies} distinct studies, counting those already stored) into
     * {@value #AE_TITLE} with storescu ({@code TCP_NODELAY=1} on both sides).
     *
     * @throws IllegalArgumentException when the files would exceed {@value #MAX_STUDIES_PER_AE} studies
     */
    public void load(List<Path> files, long studies) {
        if (studies > MAX_STUDIES_PER_AE) {
            throw new IllegalArgumentException("dcmqrscp keeps at most " + MAX_STUDIES_PER_AE
                    + " studies per AE title; refusing to store " + studies);
        }
        long start = System.nanoTime();
        for (int from = 0; from < files.size(); from += 500) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", AE_TITLE, host(),
                    Integer.toString(port())));
            files.subList(from, Math.min(files.size(), from + 500)).forEach(f -> cmd.add(f.toString()));
            Peers.ExecResult r = Peers.exec(cmd, null);
            if (r.exitCode() != 0 || r.stderr().contains("E: ")) {
                throw new IllegalStateException("storescu into dcmqrscp " + AE_TITLE + "@" + port()
                        + " failed (exit " + r.exitCode() + "):\n" + r.stderr() + "\ndcmqrscp log:\n"
                        + process().logTail());
            }
        }
        loadTime = loadTime.plusNanos(System.nanoTime() - start);
    }

    /** Wall time spent in {@link #load(List, long)}. */
    public Duration loadTime() {
        return loadTime;
    }

    @Override
    public PeerKind kind() {
        return PeerKind.QUERY_RETRIEVE;
    }

    @Override
    public String calledAeTitle() {
        return AE_TITLE;
    }

    @Override
    public String toString() {
        return "dcmqrscp " + AE_TITLE + "@" + host() + ":" + port();
    }
}
