package io.dicomfind.camel.change;

import io.dicomfind.peers.DumpFile;
import io.dicomfind.peers.Peers;
import io.dicomfind.peers.WorklistData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Adds, changes and removes the {@code *.wl} files of a running wlmscpfs between polls. wlmscpfs re-reads every file
 * on each query, so a file is written elsewhere and moved into place: a query never sees half a file.
 */
public final class WorklistFiles {
    private final Path aeDir;
    private final Path scratch;

    public WorklistFiles(Path aeDir) {
        this.aeDir = aeDir;
        this.scratch = Peers.tempDir("wl-scratch");
    }

    /** The AE title directory of {@code WorklistScp} (its directory + db/OFFIS). */
    public static WorklistFiles of(io.dicomfind.peers.WorklistScp scp) {
        return new WorklistFiles(scp.directory().resolve("db").resolve(WorklistData.AE_TITLE));
    }

    /** One Scheduled Procedure Step as a worklist item. */
    public record Item(String name, String patientName, String patientId, String accession, String studyUid,
            String spsId, String modality, String station, String date, String time) {
        public Item withModality(String m) {
            return new Item(name, patientName, patientId, accession, studyUid, spsId, m, station, date, time);
        }

        public Item withTime(String t) {
            return new Item(name, patientName, patientId, accession, studyUid, spsId, modality, station, date, t);
        }

        public Item withPatientName(String p) {
            return new Item(name, p, patientId, accession, studyUid, spsId, modality, station, date, time);
        }

        /** The default worklist item key of the change tracker: Study Instance UID | SPS ID. */
        public String key() {
            return studyUid + "|" + spsId;
        }
    }

    /** Item number n with made-up, unique identifiers. */
    public static Item item(int n) {
        String nn = String.format("%03d", n);
        return new Item("ha" + nn, "PATIENT^N" + nn, "HAP" + nn, "HAACC" + nn, "1.2.826.0.1.3680043.10.1.7." + n,
                "SPS" + nn, "CT", "CT0" + (n % 3 + 1), "20261203", "0800" + String.format("%02d", n % 60));
    }

    /** Writes (adds or replaces) the item's file. */
    public void put(Item item) {
        DumpFile d = new DumpFile(null)
                .element("0008,0050", "SH", item.accession())
                .element("0008,0090", "PN", "")
                .emptySequence("0008,1110")
                .emptySequence("0008,1120")
                .element("0010,0010", "PN", item.patientName())
                .element("0010,0020", "LO", item.patientId())
                .element("0010,0030", "DA", "19700101")
                .element("0010,0040", "CS", "O")
                .element("0020,000d", "UI", item.studyUid())
                .element("0032,1060", "LO", "PROCEDURE " + item.name())
                .sequence("0040,0100").item()
                .element("0008,0060", "CS", item.modality())
                .element("0040,0001", "AE", item.station())
                .element("0040,0002", "DA", item.date())
                .element("0040,0003", "TM", item.time())
                .element("0040,0006", "PN", "HOUSE^GREGORY")
                .element("0040,0007", "LO", "STEP " + item.name())
                .element("0040,0009", "SH", item.spsId())
                .element("0040,0010", "SH", "STATION " + item.station())
                .endItem().endSequence()
                .element("0040,1001", "SH", "RP" + item.name())
                .element("0040,1003", "SH", "ROUTINE");
        Path tmp = d.writeDicom(scratch.resolve(item.name() + ".wl"));
        try {
            Files.move(tmp, aeDir.resolve(item.name() + ".wl"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Item item) {
        try {
            Files.delete(aeDir.resolve(item.name() + ".wl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every {@code *.wl} file (the DCMTK examples too). */
    public void clear() {
        try (var files = Files.list(aeDir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".wl")).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void close() {
        Peers.deleteRecursively(scratch);
    }
}
