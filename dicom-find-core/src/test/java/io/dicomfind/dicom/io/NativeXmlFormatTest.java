package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeXmlFormatTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsThroughNativeXml() throws Exception {
        Attributes original = JsonFormatTest.latin1Response();
        original.setString(Tag.PatientName, VR.PN, "^Bob^^Dr.=\u738b^\u5c0f\u6771\\Doe");
        String xml = NativeXmlWriter.toXml(original);
        Attributes back = new NativeXmlReader().read(xml);
        assertEquals(xml, NativeXmlWriter.toXml(back));
        assertEquals(JsonWriter.toJson(original), JsonWriter.toJson(back));
        assertArrayEquals(new String[] {"^Bob^^Dr.=\u738b^\u5c0f\u6771", "Doe"}, back.getStrings(Tag.PatientName));
        assertArrayEquals(original.getBytes(0x00091001), back.getBytes(0x00091001));
        assertTrue(xml.contains("<DicomAttribute tag=\"00091001\" vr=\"OB\">\n<InlineBinary>AQID/w==</InlineBinary>"),
                xml);
        assertTrue(xml.contains("<Value number=\"1\">CT</Value>\n<Value number=\"2\"></Value>\n"
                + "<Value number=\"3\">MR</Value>"), xml);
        // bytes in, UTF-8
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        NativeXmlWriter.write(original, bos);
        Attributes fromBytes = new NativeXmlReader().read(new ByteArrayInputStream(bos.toByteArray()));
        assertEquals("^Bob^^Dr.=\u738b^\u5c0f\u6771", fromBytes.getString(Tag.PatientName));
    }

    /** Same elements, lines and escaping as DCMTK's dcm2xml -nat on the same file. */
    @Test
    void matchesDcm2xmlNative() throws Exception {
        Path file = tmp.resolve("native.dcm");
        DcmtkFormatsTest.run(tmp, "dump2dcm", "-g",
                Path.of("src/test/resources/io/dicomfind/dicom/io/dcmtk/native.dump").toAbsolutePath().toString(),
                file.toString());
        Attributes ds = Part10.read(file, DecodeLimits.DEFAULT).dataSet();
        String expected = new String(DcmtkFormatsTest.run(tmp, "dcm2xml", "-nat", file.toString()),
                StandardCharsets.UTF_8);
        assertEquals(expected, NativeXmlWriter.toXml(ds));
        assertEquals(NativeXmlWriter.toXml(ds), NativeXmlWriter.toXml(new NativeXmlReader().read(expected)));
    }

    @Test
    void readsAQueryFileWithNamespaceAndNoVr() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">
                  <DicomAttribute tag="00080052"><Value number="1">STUDY</Value></DicomAttribute>
                  <DicomAttribute tag="00100010" vr="PN"/>
                  <DicomAttribute tag="00400100" vr="SQ"><Item number="1">
                    <DicomAttribute tag="00080060" vr="CS"><Value number="1">CT</Value></DicomAttribute>
                  </Item></DicomAttribute>
                </NativeDicomModel>
                """;
        Attributes ds = new NativeXmlReader().read(xml);
        assertEquals(VR.CS, ds.vr(Tag.QueryRetrieveLevel));
        assertEquals("STUDY", ds.getString(Tag.QueryRetrieveLevel));
        assertTrue(ds.contains(Tag.PatientName));
        assertEquals("CT", ds.getSequence(Tag.ScheduledProcedureStepSequence).get(0).getString(Tag.Modality));
    }

    private static String error(String xml) {
        return assertThrows(DicomEncodingException.class, () -> new NativeXmlReader().read(xml)).getMessage();
    }

    @Test
    void refusesExternalEntitiesAndDtds() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\"><Value number=\"1\">&x;</Value>"
                + "</DicomAttribute></NativeDicomModel>";
        String msg = error(xxe);
        assertTrue(!msg.contains("SECRET") && (msg.contains("DOCTYPE") || msg.contains("x")), msg);
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaa\">]><NativeDicomModel/>";
        assertTrue(error(billion).contains("DOCTYPE"), error(billion));
    }

    @Test
    void malformedXmlFailsWithPositionAndTag() {
        assertEquals("Native DICOM XML line 1, column 84: (0010,0020): <BulkData> is not supported; give the "
                + "value as <InlineBinary>", error("<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\">"
                + "<BulkData uri=\"http://x\"/></DicomAttribute></NativeDicomModel>"));
        assertEquals("Native DICOM XML line 1, column 58: tag=\"0010002\" is not 8 hexadecimal digits",
                error("<NativeDicomModel><DicomAttribute tag=\"0010002\" vr=\"LO\"/></NativeDicomModel>"));
        assertEquals("Native DICOM XML line 1, column 59: (0010,0020): vr=\"XX\" is not a VR",
                error("<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"XX\"/></NativeDicomModel>"));
        assertEquals("Native DICOM XML line 1, column 7: the root element must be <NativeDicomModel>",
                error("<foo/>"));
        assertEquals("Native DICOM XML line 1, column 107: (0028,0010): '70000x' is not a valid US value",
                error("<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">70000x"
                        + "</Value></DicomAttribute></NativeDicomModel>"));
        assertEquals("Native DICOM XML line 1, column 106: (0028,0010): 70000 is out of range for US (0..65535)",
                error("<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">70000"
                        + "</Value></DicomAttribute></NativeDicomModel>"));
        String unclosed = error("<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\">");
        assertTrue(unclosed.startsWith("Native DICOM XML line 1, column "), unclosed);
    }

    @Test
    void nestingIsBounded() {
        StringBuilder deep = new StringBuilder("<NativeDicomModel>");
        for (int i = 0; i < 20; i++) {
            deep.append("<DicomAttribute tag=\"00400100\" vr=\"SQ\"><Item number=\"1\">");
        }
        String msg = assertThrows(DicomEncodingException.class,
                () -> new NativeXmlReader(new DecodeLimits(1 << 20, 8, 1L << 30),
                        io.dicomfind.dicom.data.ElementDictionary.standard()).read(deep.toString())).getMessage();
        assertTrue(msg.contains("sequences nested deeper than 8 levels"), msg);
    }
}
