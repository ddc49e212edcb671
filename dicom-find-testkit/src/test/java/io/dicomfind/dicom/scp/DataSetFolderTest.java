package io.dicomfind.dicom.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder loader: Part-10 and DICOM JSON files, pluggable readers, bad files skipped, re-read per query. */
class DataSetFolderTest {
    @TempDir
    Path dir;

    static List<String> ids(DataSetSource source) throws IOException {
        try (Stream<Attributes> s = source.open()) {
            return s.map(a -> a.getString(Tag.PatientID)).toList();
        }
    }

    void part10(String name, String id) throws IOException {
        Attributes a = new Attributes();
        a.setString(Tag.PatientID, VR.LO, id);
        try (OutputStream out = Files.newOutputStream(Files.createDirectories(dir.resolve(name).getParent())
                .resolve(dir.resolve(name).getFileName()))) {
            Part10.write(out, a, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, UID.ModalityWorklistInformationModelFind,
                    "1.2.3." + id.length(), UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, "TEST",
                    EncodeOptions.DEFAULT);
        }
    }

    @Test
    void readsPart10AndJsonRecursivelyInPathOrderSkippingBadFiles() throws Exception {
        part10("a.wl", "P1");
        part10("sub/b.dcm", "P2");
        Files.writeString(dir.resolve("c.json"), "[{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P3\"]}},"
                + "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P4\"]}}]");
        Files.writeString(dir.resolve("d.dcm"), "not DICOM at all");
        Files.writeString(dir.resolve("lockfile"), "");
        Files.writeString(dir.resolve(".hidden"), "x");
        Files.writeString(dir.resolve("README.txt"), "notes");
        DataSetFolder folder = DataSetFolder.of(dir);
        assertEquals(List.of("P1", "P3", "P4", "P2"), ids(folder));

        part10("e.wl", "P5"); // seen by the next query
        assertEquals(List.of("P1", "P3", "P4", "P5", "P2"), ids(folder)); // e.wl sorts before sub/
    }

    @Test
    void pluggableReaders() throws Exception {
        Files.writeString(dir.resolve("x.csv"), "P7");
        DataSetFolder csv = DataSetFolder.of(dir).withReader(".CSV", f -> {
            Attributes a = new Attributes();
            a.setString(Tag.PatientID, VR.LO, Files.readString(f).strip());
            return List.of(a);
        });
        assertEquals(List.of("P7"), ids(csv));
        assertEquals(List.of(), ids(DataSetFolder.of(dir).withDefaultReader(DataSetFolder.IGNORE)));
    }

    @Test
    void missingFolderFailsTheQueryWithItsName() {
        IOException e = assertThrows(IOException.class, () -> DataSetFolder.of(dir.resolve("nope")).open());
        assertEquals(true, e.getMessage().contains("nope"), e.getMessage());
    }
}
