package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import java.io.IOException;
import java.io.OutputStream;

/** Encodes a data set in a given transfer syntax. Group length elements (gggg,0000) are written as they are. */
public final class DataSetWriter {
    private DataSetWriter() {
    }

    /** Writes the data set; for the deflated syntax the output is deflated (raw, PS3.5 A.5). Not closed. */
    public static void write(Attributes ds, TransferSyntax ts, EncodeOptions options, OutputStream out)
            throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    public static byte[] toBytes(Attributes ds, TransferSyntax ts, EncodeOptions options) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        write(ds, ts, options, bos);
        return bos.toByteArray();
    }
}
