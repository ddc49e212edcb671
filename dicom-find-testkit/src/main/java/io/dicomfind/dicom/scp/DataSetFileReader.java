package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.Part10;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one file of a {@link DataSetFolder} into its data sets: the plug-in point for file formats. A file may hold
 * several data sets (a DICOM JSON array, PS3.18 F.2.1).
 */
@FunctionalInterface
public interface DataSetFileReader {

    /** DICOM Part-10 files and bare data sets (such as wlmscpfs's {@code .wl} files), with the default limits. */
    DataSetFileReader PART10 = file -> List.of(Part10.read(file, DecodeLimits.DEFAULT).dataSet());

    /** The DICOM JSON Model (PS3.18 F.2): one object or an array of objects, UTF-8. */
    DataSetFileReader JSON = file -> {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new JsonReader().readDataSets(in);
        }
    };

    /** The data sets of {@code file}; an exception names the problem (the folder adds the file name). */
    List<Attributes> read(Path file) throws IOException;
}
