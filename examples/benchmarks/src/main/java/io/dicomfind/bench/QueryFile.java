package io.dicomfind.bench;

import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the benchmark query ({@link BenchData#query()}) as a Part-10 file that both CLIs read. Usage: {@code QueryFile PATH} */
public final class QueryFile {
    private QueryFile() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }

    static void write(Path f) throws IOException {
        try (OutputStream out = Files.newOutputStream(f)) {
            Part10.write(out, BenchData.query(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    UID.ModalityWorklistInformationModelFind, UID.IMPLEMENTATION_CLASS_UID + ".1",
                    UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME, "BENCH", EncodeOptions.DEFAULT);
        }
    }
}
