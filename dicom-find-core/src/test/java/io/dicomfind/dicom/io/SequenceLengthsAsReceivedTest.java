package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DumpWriter.SequenceLengths#AS_RECEIVED} and {@link DcmtkXmlWriter#sequenceLengthsAsReceived(boolean)}: one
 * writer setting that shows each data set the way DCMTK shows it after decoding, whether its sequences arrived with
 * explicit lengths (dump2dcm's default) or undefined lengths (dump2dcm {@code -e}); dcmdump and dcm2xml are the
 * oracle.
 */
class SequenceLengthsAsReceivedTest {
    @TempDir
    Path tmp;

    static java.util.stream.Stream<String> dumps() throws Exception {
        return DcmtkFormatsTest.dumps();
    }

    private Part10.File dump2dcm(String dump, String... options) throws Exception {
        Path out = tmp.resolve(Path.of(dump).getFileName() + "-" + String.join("", options) + ".dcm");
        String[] cmd = new String[options.length + 3];
        cmd[0] = "dump2dcm";
        System.arraycopy(options, 0, cmd, 1, options.length);
        cmd[options.length + 1] = Path.of(dump).toAbsolutePath().toString();
        cmd[options.length + 2] = out.toString();
        DcmtkFormatsTest.run(tmp, cmd);
        return Part10.read(out, DecodeLimits.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void dumpAndXmlShowExplicitAndUndefinedLengthsAsDcmtkDoes(String dump) throws Exception {
        for (String[] opts : new String[][] {{"-g"}, {"-g", "-e"}}) {
            Part10.File f = dump2dcm(dump, opts);
            Path file = tmp.resolve(Path.of(dump).getFileName() + "-" + String.join("", opts) + ".dcm");
            Charset cs = "ISO_IR 192".equals(f.dataSet().getString(Tag.SpecificCharacterSet))
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            String expectedDump = new String(DcmtkFormatsTest.run(tmp, "dcmdump", file.toString()), cs);
            String ourDump = new DumpWriter(f.transferSyntax())
                    .sequenceLengths(DumpWriter.SequenceLengths.AS_RECEIVED).dumpFile(f.meta(), f.dataSet());
            assertEquals(expectedDump, ourDump, dump + " " + String.join(" ", opts));

            byte[] expectedXml = DcmtkFormatsTest.run(tmp, "dcm2xml", file.toString());
            ByteArrayOutputStream ourXml = new ByteArrayOutputStream();
            new DcmtkXmlWriter(f.transferSyntax()).sequenceLengthsAsReceived(true)
                    .writeFileFormat(f.meta(), f.dataSet(), ourXml);
            assertEquals(new String(expectedXml, StandardCharsets.ISO_8859_1),
                    ourXml.toString(StandardCharsets.ISO_8859_1), dump + " " + String.join(" ", opts));
        }
    }

    /** Each sequence by its own flag: one data set holding a sequence of each kind. */
    @Test
    void mixedSequencesAreShownEachAsReceived() throws Exception {
        Part10.File f = dump2dcm("src/test/resources/io/dicomfind/dicom/io/dcmtk/wklist1.dump", "-g", "-e");
        Attributes ds = f.dataSet();
        Sequence received = ds.getSequence(Tag.ScheduledProcedureStepSequence);
        assertTrue(received.undefinedLength(), "DataSetReader records the undefined length");
        Sequence built = ds.newSequence(0x00081110 /* Referenced Study Sequence */);
        built.addItem().setString(0x00081150 /* Referenced SOP Class UID */, io.dicomfind.dicom.data.VR.UI, "1.2.3");
        assertFalse(built.undefinedLength());

        String dump = new DumpWriter(f.transferSyntax()).sequenceLengths(DumpWriter.SequenceLengths.AS_RECEIVED)
                .dump(ds);
        assertTrue(dump.contains("(0008,1110) SQ (Sequence with explicit length #=1)      #  22, 1 "
                + "ReferencedStudySequence\n"), dump);
        assertTrue(dump.contains("(0040,0100) SQ (Sequence with undefined length #=1)     # u/l, 1 "
                + "ScheduledProcedureStepSequence\n"), dump);
        assertTrue(dump.contains("  (fffe,e000) na (Item with explicit length #=1)          #  14, 1 Item\n"), dump);

        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new DcmtkXmlWriter(f.transferSyntax()).sequenceLengthsAsReceived(true).writeDataSetDocument(ds, xml);
        String x = xml.toString(StandardCharsets.ISO_8859_1);
        assertTrue(x.contains("<sequence tag=\"0008,1110\" vr=\"SQ\" card=\"1\" len=\"22\""), x);
        assertTrue(x.contains("<item card=\"1\" len=\"14\">"), x);
        assertTrue(x.contains("<sequence tag=\"0040,0100\" vr=\"SQ\" card=\"1\" name="), x);
    }
}
