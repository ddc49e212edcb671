package io.dicomfind.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * DCMTK {@code wlmscpfs} serving {@link WorklistData} under AE title {@value WorklistData#AE_TITLE}: the Modality
 * Worklist peer (PS3.4 K).
 *
 * <p>Started as {@code wlmscpfs -dfp DIR -csk PORT}: {@code -csk} returns each file's own Specific Character Set
 * (the default {@code -cs0} would drop it). wlmscpfs 3.6.7 has no bind option and listens on all interfaces; it
 * forks per association, the children are stopped with the server.
 */
public final class WorklistScp extends ServerPeer {

    /** Where Debian's dcmtk package ships DCMTK's example worklist. */
    public static final Path DCMTK_EXAMPLES = Paths.get("/usr/share/doc/dcmtk/examples/wlistdb/OFFIS");

    private WorklistScp(Path dir, int port, PeerProcess process) {
        super(dir, port, process);
    }

    /** Builds the worklist directory, starts wlmscpfs on a free port and waits until it accepts connections. */
    public static WorklistScp start() {
        return start(true);
    }

    /**
     * wlmscpfs serving only {@link WorklistData#DCMTK_EXAMPLES} (10 items), with extra wlmscpfs options, e.g.
     * {@code +xb} (prefer big endian), {@code --sleep-during 1}: for tests of the network layer that want a small,
     * known worklist and a peer of their own.
     */
    public static WorklistScp startDcmtkExamples(String... options) {
        return start(false, options);
    }

    private static WorklistScp start(boolean generated, String... options) {
        Peers.requireBinaries("wlmscpfs", "dump2dcm", "dcmdump", "findscu");
        return Peers.inTempDir("wlmscpfs", "build worklist", dir -> {
            Path aeDir = Files.createDirectories(dir.resolve("db").resolve(WorklistData.AE_TITLE));
            Files.createFile(aeDir.resolve("lockfile"));
            writeWorklist(aeDir, generated);
            int port = Peers.freePort();
            List<String> cmd = new ArrayList<>(List.of("wlmscpfs", "-dfp", dir.resolve("db").toString(), "-csk"));
            cmd.addAll(List.of(options));
            cmd.add(Integer.toString(port));
            PeerProcess p = PeerProcess.startListening("wlmscpfs", cmd, Peers.dcmtkEnvironment(), dir,
                    dir.resolve("wlmscpfs.log"), port);
            return new WorklistScp(dir, port, p);
        });
    }

    /** Writes every {@link WorklistData#ALL} item (without {@code generated}: the DCMTK examples only) into aeDir. */
    static void writeWorklist(Path aeDir, boolean generated) {
        for (WorklistItem item : WorklistData.DCMTK_EXAMPLES) {
            String n = item.source().substring("dcmtk:".length());
            Path dump = DCMTK_EXAMPLES.resolve(n + ".dump");
            if (!Files.isReadable(dump)) {
                throw new IllegalStateException("DCMTK example worklist " + dump
                        + " is missing (it ships with Debian's dcmtk package: " + Peers.INSTALL_HINT + ")");
            }
            DumpFile.convert(dump, aeDir.resolve(n + ".wl"));
        }
        for (WorklistItem item : generated ? WorklistData.GENERATED : List.<WorklistItem>of()) {
            int n = Integer.parseInt(item.source().substring("generated:".length()));
            dump(item, n).writeDicom(aeDir.resolve("generated" + String.format("%02d", n) + ".wl"));
        }
    }

    private static DumpFile dump(WorklistItem item, int n) {
        DumpFile d = new DumpFile(item.specificCharacterSet())
                .element("0008,0050", "SH", item.accessionNumber())
                .element("0008,0090", "PN", "")
                .emptySequence("0008,1110")
                .emptySequence("0008,1120")
                .element("0010,0010", "PN", item.patientName())
                .element("0010,0020", "LO", item.patientId())
                .element("0010,0030", "DA", String.format("19%02d0%d1%d", 40 + n * 3, 1 + n % 9, n % 10))
                .element("0010,0040", "CS", n % 2 == 0 ? "F" : "M")
                .element("0020,000d", "UI", item.studyInstanceUid())
                .element("0032,1060", "LO", "PROCEDURE " + n)
                .sequence("0040,0100").item()
                .element("0008,0060", "CS", item.modality())
                .element("0040,0001", "AE", String.join("\\", item.stationAeTitles()))
                .element("0040,0002", "DA", item.startDate())
                .element("0040,0003", "TM", item.startTime())
                .element("0040,0006", "PN", WorklistData.performingPhysician(n))
                .element("0040,0007", "LO", "STEP " + n)
                .element("0040,0009", "SH", "SPS" + String.format("%02d", n))
                .element("0040,0010", "SH", "STATION" + n)
                .endItem().endSequence()
                .element("0040,1001", "SH", item.requestedProcedureId())
                .element("0040,1003", "SH", n % 3 == 0 ? "HIGH" : "ROUTINE");
        return d;
    }

    @Override
    public PeerKind kind() {
        return PeerKind.WORKLIST;
    }

    @Override
    public String calledAeTitle() {
        return WorklistData.AE_TITLE;
    }

    @Override
    public String toString() {
        return "wlmscpfs " + calledAeTitle() + "@" + host() + ":" + port();
    }
}
