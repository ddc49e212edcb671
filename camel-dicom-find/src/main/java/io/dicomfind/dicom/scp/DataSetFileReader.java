package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.Part10;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one file of a {@link DataSetFolder} into a data set: the plug-in point for file formats. {@link #PART10}
 * reads DICOM files (PS3.10, also bare data sets such as wlmscpfs's {@code .wl} files); a DICOM JSON reader
 * (PS3.18 F) can be registered for {@code .json} the same way, e.g. {@code folder.withReader("json", f ->
 * JsonReader.read(f))}.
 */
@FunctionalInterface
public interface DataSetFileReader {

    /** DICOM Part-10 files and bare data sets, with the default decode limits. */
    DataSetFileReader PART10 = file -> Part10.read(file, DecodeLimits.DEFAULT).dataSet();

    /** The data set of {@code file}; an exception names the problem (the folder adds the file name). */
    Attributes read(Path file) throws IOException;
}
