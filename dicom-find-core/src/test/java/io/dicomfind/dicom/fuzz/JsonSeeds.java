package io.dicomfind.dicom.fuzz;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the seeds of the {@link FuzzTarget#JSON} target from those of {@code dataset-evr-le} (identifiers captured
 * from DCMTK and Orthanc): each one that decodes, written as DICOM JSON. Run from {@code camel-dicom-find}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.dicomfind.dicom.fuzz.JsonSeeds}, or from an
 * IDE; the output is committed under {@code src/test/resources/fuzz/seeds/json} next to a few hand-written seeds
 * ({@code edge-*.json}: numbers with exponents, person name groups, inline binary, bulk data URIs).
 */
final class JsonSeeds {
    private JsonSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path from = Path.of("src/test/resources/fuzz/seeds/dataset-evr-le");
        Path to = Files.createDirectories(Path.of("src/test/resources/fuzz/seeds/json"));
        List<Path> seeds;
        try (Stream<Path> files = Files.list(from)) {
            seeds = files.sorted().toList();
        }
        for (Path seed : seeds) {
            Attributes ds;
            try {
                ds = DataSetReader.read(Files.readAllBytes(seed), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        FuzzTarget.LIMITS);
            } catch (IOException e) {
                continue; // a seed that does not decode has no JSON form
            }
            StringWriter json = new StringWriter();
            new JsonWriter(json).writeDataSet(ds);
            String name = seed.getFileName().toString().replaceFirst("\\.bin$", ".json");
            Files.writeString(to.resolve(name), json.toString(), StandardCharsets.UTF_8);
        }
    }
}
