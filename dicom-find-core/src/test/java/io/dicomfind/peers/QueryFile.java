package io.dicomfind.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A findscu query file ({@code dcmfile-in}) for keys whose values are not ASCII. Command-line arguments reach a tool
 * in the platform's encoding (UTF-8 here, maybe not in CI), so a Latin-1 or ISO 2022 value cannot be passed
 * reliably with {@code -k}; a file written by {@link DumpFile} carries the exact bytes. The file always contains
 * Specific Character Set (0008,0005); further {@code -k} arguments of the query are applied on top by findscu.
 *
 * @param fileName             the file name inside the work directory
 * @param specificCharacterSet value of (0008,0005), e.g. {@code ISO_IR 100} or {@code \ISO 2022 IR 87}
 * @param keys                 flat keys as {@code {tag, VR, value}}, e.g. {@code {"0010,0010", "PN", "Müller*"}}
 */
public record QueryFile(String fileName, String specificCharacterSet, List<String[]> keys) {

    public QueryFile {
        keys = List.copyOf(keys);
    }

    public static QueryFile of(String fileName, String specificCharacterSet, String tag, String vr, String value) {
        List<String[]> keys = new ArrayList<>();
        keys.add(new String[] {tag, vr, value});
        return new QueryFile(fileName, specificCharacterSet, keys);
    }

    /** Writes the query as a DICOM file (dump2dcm) into {@code dir}; idempotent. */
    public Path write(Path dir) {
        DumpFile d = new DumpFile(specificCharacterSet);
        for (String[] k : keys) {
            d.element(k[0], k[1], k[2]);
        }
        return d.writeDicom(dir.resolve(fileName));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(fileName).append(" {(0008,0005)=").append(specificCharacterSet);
        for (String[] k : keys) {
            sb.append(", (").append(k[0]).append(")=").append(k[2]);
        }
        return sb.append('}').toString();
    }
}
