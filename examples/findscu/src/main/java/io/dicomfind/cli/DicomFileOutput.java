package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code -X}: each response identifier as a DICOM file {@code rspNNNN.dcm} (PS3.10) in the output directory, in the
 * transfer syntax it arrived in, as findscu does. The identifier has no SOP Class/Instance of its own, so the meta
 * information names the C-FIND SOP Class of the query and a fresh UUID-derived UID (PS3.5 B.2); DCMTK uses its
 * private "generic file" SOP class there.
 */
final class DicomFileOutput implements ResponseOutput {
    private final Path directory;
    private final String sopClassUid;
    private final String callingAeTitle;
    private final EncodeOptions encodeOptions;

    DicomFileOutput(Path directory, String sopClassUid, String callingAeTitle, EncodeOptions encodeOptions) {
        this.directory = directory;
        this.sopClassUid = sopClassUid;
        this.callingAeTitle = callingAeTitle;
        this.encodeOptions = encodeOptions;
    }

    static String fileName(int number, String extension) {
        return String.format("rsp%04d.%s", number, extension);
    }

    @Override
    public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
        String name = fileName(number, "dcm");
        String cuid = identifier.getString(Tag.SOPClassUID);
        String iuid = identifier.getString(Tag.SOPInstanceUID);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(name)))) {
            Part10.write(out, identifier, ts, cuid != null ? cuid : sopClassUid, iuid != null ? iuid : newUid(),
                    UID.IMPLEMENTATION_CLASS_UID, UID.IMPLEMENTATION_VERSION_NAME,
                    callingAeTitle, encodeOptions);
        }
        return name;
    }

    /** A UUID-derived UID (PS3.5 B.2): "2.25." followed by the UUID as an unsigned decimal integer. */
    static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
