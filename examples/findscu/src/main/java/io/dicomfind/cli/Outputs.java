package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The XML and JSON outputs ({@code -Xx}, {@code -Xs}, {@code -J}). */
final class Outputs {
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Outputs() {
    }

    static ResponseOutput open(FindscuOptions options, EncodeOptions encodeOptions) throws IOException {
        return switch (options.extract) {
            case XML -> new XmlFiles(options.outputDirectory, new XmlDataSetWriter(encodeOptions));
            case XML_SINGLE -> new XmlSingle(options.outputDirectory.resolve(options.extractXmlSingleFile), new XmlDataSetWriter(encodeOptions));
            case JSON -> new JsonFiles(options.outputDirectory);
            default -> throw new IllegalArgumentException("no text output for " + options.extract);
        };
    }

    /** {@code -Xx}: rspNNNN.xml, one {@code data-set} document per response. */
    private record XmlFiles(Path dir, XmlDataSetWriter xml) implements ResponseOutput {
        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            String name = DicomFileOutput.fileName(number, "xml");
            try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                w.write(XML_DECLARATION);
                xml.write(w, identifier, ts);
            }
            return name;
        }
    }

    /**
     * {@code -Xs f}: all responses of the association in one {@code <responses type="C-FIND">} document; a relative
     * {@code f} is taken in the {@code -od} directory, as DCMTK 3.6.7 does.
     */
    private static final class XmlSingle implements ResponseOutput {
        private final Writer w;
        private final XmlDataSetWriter xml;
        private final Path file;

        XmlSingle(Path file, XmlDataSetWriter xml) throws IOException {
            this.file = file;
            this.xml = xml;
            this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write(XML_DECLARATION);
            w.write("<responses type=\"C-FIND\">\n");
        }

        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            xml.write(w, identifier, ts);
            return file.toString();
        }

        @Override
        public void close() throws IOException {
            try (w) {
                w.write("</responses>\n");
            }
        }
    }

    /** {@code -J}: rspNNNN.json, one DICOM JSON object per response (PS3.18 F.2). */
    private record JsonFiles(Path dir) implements ResponseOutput {
        @Override
        public String write(int number, Attributes identifier, TransferSyntax ts) throws IOException {
            String name = DicomFileOutput.fileName(number, "json");
            try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
                new JsonDataSetWriter().write(w, identifier);
            }
            return name;
        }
    }
}
