package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.DcmtkXmlWriter;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The XML and JSON outputs ({@code -Xx}, {@code -Xs}, {@code -J}), written by the DICOM core's writers: DCMTK's XML
 * exactly as findscu writes it, sequences shown as received; the DICOM JSON Model (PS3.18 F.2) for {@code -J}.
 */
final class Outputs {
    private Outputs() {
    }

    static ResponseOutput open(FindscuOptions options) throws IOException {
        return switch (options.extract) {
            case XML -> new XmlFiles(options.outputDirectory);
            case XML_SINGLE -> new XmlSingle(options.outputDirectory.resolve(options.extractXmlSingleFile));
            case JSON -> new JsonFiles(options.outputDirectory);
            default -> throw new IllegalArgumentException("no text output for " + options.extract);
        };
    }

    /** DCMTK shows each received sequence with the length encoding it arrived in (no {@code len} for undefined). */
    private static DcmtkXmlWriter xml(TransferSyntax ts) {
        return new DcmtkXmlWriter(ts).sequenceLengthsAsReceived(true);
    }

    /**
     * {@code -Xx}: rspNNNN.xml, one {@code data-set} document per response, in the response's own character set
     * (the declaration names it), as findscu writes them.
     */
    private record XmlFiles(Path dir) implements ResponseOutput {
        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            String name = DicomFileOutput.fileName(number, "xml");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
                xml(ts).writeDataSetDocument(identifier, out);
            }
            return name;
        }
    }

    /**
     * {@code -Xs f}: all responses of the association in one UTF-8 {@code <responses type="C-FIND">} document; a
     * relative {@code f} is taken in the {@code -od} directory, as DCMTK 3.6.7 does.
     */
    private static final class XmlSingle implements ResponseOutput {
        private final DcmtkXmlWriter.Responses doc;
        private final Path file;

        XmlSingle(Path file) throws IOException {
            this.file = file;
            this.doc = DcmtkXmlWriter.openResponses(new BufferedOutputStream(Files.newOutputStream(file)), "C-FIND");
        }

        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            doc.add(identifier, xml(ts));
            return file.toString();
        }

        @Override
        public void close() throws IOException {
            doc.close();
        }
    }

    /** {@code -J}: rspNNNN.json, one DICOM JSON object per response (PS3.18 F.2), UTF-8, ending with a newline. */
    private record JsonFiles(Path dir) implements ResponseOutput {
        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            String name = DicomFileOutput.fileName(number, "json");
            try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                new JsonWriter(w).writeDataSet(identifier);
                w.write('\n');
            }
            return name;
        }
    }
}
