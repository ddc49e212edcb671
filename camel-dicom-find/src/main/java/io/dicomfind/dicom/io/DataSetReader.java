package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.Attributes;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a data set in a given transfer syntax, reading to the end of the stream. */
public final class DataSetReader {
    private DataSetReader() {
    }

    /** Reads elements until end of stream; the stream is not closed. */
    public static Attributes read(InputStream in, TransferSyntax ts, DecodeLimits limits) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    public static Attributes read(byte[] encoded, TransferSyntax ts, DecodeLimits limits) throws IOException {
        return read(new java.io.ByteArrayInputStream(encoded), ts, limits);
    }
}
