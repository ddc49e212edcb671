package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

    /** A short number with a huge exponent must be refused at once, never expanded (an unbounded computation). */
    @Test
    void hugeExponentsAreRefusedWithoutExpandingThem() {
        JsonReader reader = new JsonReader();
        for (String[] c : new String[][] {
                {"00280010", "US", "1e999999999", "is out of range for US (0..65535)"},
                {"00200013", "IS", "1e999999999", "is out of range for IS"},
                {"00280010", "US", "-1e999999999", "is out of range for US (0..65535)"},
                {"00200013", "IS", "1e-999999999", "is not an integer, as IS requires"},
                {"00280010", "US", "1.5e-999999999", "is not a valid US value"}}) {
            String json = "{\"" + c[0] + "\":{\"vr\":\"" + c[1] + "\",\"Value\":[" + c[2] + "]}}";
            JsonReader.DicomJsonException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(JsonReader.DicomJsonException.class, () -> reader.readDataSet(json)));
            assertTrue(e.getMessage().contains(c[3]), e.getMessage());
        }
    }

    @Test
    void aMegabyteIntegerStringIsCheckedInLinearTime() {
        String digits = "7".repeat(2_000_000);
        String json = "{\"00200013\":{\"vr\":\"IS\",\"Value\":[\"" + digits + "x\"]}}";
        JsonReader.DicomJsonException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(JsonReader.DicomJsonException.class, () -> new JsonReader().readDataSet(json)));
        assertTrue(e.getMessage().contains("'" + "7".repeat(64) + "... (2000001 characters)' is not an integer string (IS)"),
                e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
        assertTrue(e.getMessage().length() < 300, "the message shows the start of the value, not 2 MB of it");
    }

    @Test
    void integersWrittenWithExponentsOrTrailingZerosStillRead() throws Exception {
        Attributes ds = new JsonReader().readDataSet(
                "{\"00280010\":{\"vr\":\"US\",\"Value\":[5.12e2]},\"00200013\":{\"vr\":\"IS\",\"Value\":[-7.000]}}");
        assertEquals(512, ds.getInt(0x00280010, -1));
        assertEquals("-7", ds.getString(0x00200013));
    }
    /** A response as a C-FIND SCP sends it: raw bytes in ISO_IR 100, padding included. */
    static Attributes latin1Response() {
        Attributes ds = new Attributes();
        ds.set(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100".getBytes(StandardCharsets.US_ASCII));
        ds.set(Tag.PatientName, VR.PN, "M\u00fcller^J\u00fcrgen=Mu^Ju ".getBytes(StandardCharsets.ISO_8859_1));
        ds.set(Tag.PatientID, VR.LO, "ID 1 ".getBytes(StandardCharsets.ISO_8859_1));
        ds.set(Tag.StudyInstanceUID, VR.UI, "1.2.3\0".getBytes(StandardCharsets.ISO_8859_1));
        ds.setNull(Tag.StudyDate, VR.DA);
        ds.setString(Tag.Modality, VR.CS, "CT\\\\MR");
        ds.setString(0x00201208, VR.IS, " 42 ");
        ds.setString(0x00101020, VR.DS, "1.75\\+2\\.5\\007\\1e3");
        ds.setInt(0x00280010, VR.US, 512, 65535);
        ds.setInt(0x00280106, VR.SS, -5);
        ds.setInt(0x00209165, VR.AT, 0x00100010, 0x7FE00010);
        ds.set(0x00091001, VR.OB, new byte[] {1, 2, 3, (byte) 0xFF});
        ds.setString(0x00324000, VR.LT, "line1\r\nline2 \"q\" \\ x");
        Sequence seq = ds.newSequence(Tag.ScheduledProcedureStepSequence);
        Attributes item = seq.addItem();
        item.setString(Tag.Modality, VR.CS, "MR");
        item.setNull(0x00400001, VR.AE);
        seq.addItem();
        ds.newSequence(0x00081110);
        return ds;
    }

    @Test
    void writesTheDicomJsonModel() {
        String json = JsonWriter.toJson(latin1Response());
        assertEquals("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]},"
                + "\"00080020\":{\"vr\":\"DA\"},"
                + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\",null,\"MR\"]},"
                + "\"00081110\":{\"vr\":\"SQ\"},"
                + "\"00091001\":{\"vr\":\"OB\",\"InlineBinary\":\"AQID/w==\"},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"M\u00fcller^J\u00fcrgen\","
                + "\"Ideographic\":\"Mu^Ju\"}]},"
                + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"ID 1\"]},"
                + "\"00101020\":{\"vr\":\"DS\",\"Value\":[1.75,\"+2\",\".5\",\"007\",1e3]},"
                + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},"
                + "\"00201208\":{\"vr\":\"IS\",\"Value\":[42]},"
                + "\"00209165\":{\"vr\":\"AT\",\"Value\":[\"00100010\",\"7FE00010\"]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512,65535]},"
                + "\"00280106\":{\"vr\":\"SS\",\"Value\":[-5]},"
                + "\"00324000\":{\"vr\":\"LT\",\"Value\":[\"line1\\r\\nline2 \\\"q\\\" \\\\ x\"]},"
                + "\"00400100\":{\"vr\":\"SQ\",\"Value\":[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]},"
                + "\"00400001\":{\"vr\":\"AE\"}},{}]}}", json);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        Attributes original = latin1Response();
        String json = JsonWriter.toJson(original, true);
        Attributes back = new JsonReader().readDataSet(json);
        assertEquals(json, JsonWriter.toJson(back, true));
        assertEquals("M\u00fcller^J\u00fcrgen=Mu^Ju", back.getString(Tag.PatientName));
        assertArrayEquals("M\u00fcller^J\u00fcrgen=Mu^Ju".getBytes(StandardCharsets.ISO_8859_1),
                back.getBytes(Tag.PatientName));
        assertArrayEquals(original.getBytes(0x00280010), back.getBytes(0x00280010));
        assertArrayEquals(original.getBytes(0x00209165), back.getBytes(0x00209165));
        assertEquals(2, back.getSequence(Tag.ScheduledProcedureStepSequence).size());
        assertTrue(back.contains(Tag.StudyDate));
        assertNull(back.value(Tag.StudyDate));
    }

    @Test
    void prettyPrintsAndWritesArrays() throws Exception {
        Attributes a = new Attributes().setString(Tag.PatientID, VR.LO, "A");
        Attributes b = new Attributes().setString(Tag.PatientID, VR.LO, "B");
        StringWriter sw = new StringWriter();
        JsonWriter w = new JsonWriter(sw).pretty(true);
        w.startArray();
        w.writeDataSet(a);
        w.writeDataSet(b);
        w.endArray();
        assertEquals("[\n  {\n    \"00100020\": {\n      \"vr\": \"LO\",\n      \"Value\": [\"A\"]\n    }\n  },\n"
                + "  {\n    \"00100020\": {\n      \"vr\": \"LO\",\n      \"Value\": [\"B\"]\n    }\n  }\n]\n",
                sw.toString());
        List<Attributes> back = new JsonReader().readDataSets(sw.toString());
        assertEquals(2, back.size());
        assertEquals("B", back.get(1).getString(Tag.PatientID));
        StringWriter empty = new StringWriter();
        JsonWriter e = new JsonWriter(empty);
        e.startArray();
        e.endArray();
        assertEquals("[]", empty.toString());
    }

    /** The kinds of attributes of the example in PS3.18 F.4 (written for this test, following its structure). */
    static final String F4_STYLE = """
            [
              {
                "00080005": { "vr": "CS", "Value": [ "ISO_IR 192" ] },
                "00080020": { "vr": "DA", "Value": [ "20130409" ] },
                "00080030": { "vr": "TM", "Value": [ "131600.0000" ] },
                "00080050": { "vr": "SH", "Value": [ "11235813" ] },
                "00080056": { "vr": "CS", "Value": [ "ONLINE" ] },
                "00080061": { "vr": "CS", "Value": [ "CT", "PET" ] },
                "00080090": { "vr": "PN", "Value": [ { "Alphabetic": "^Bob^^Dr." } ] },
                "00090010": { "vr": "LO", "Value": [ "Vendor A" ] },
                "00091002": { "vr": "UN", "InlineBinary": "z0x9c8v7" },
                "00100010": { "vr": "PN", "Value": [ {
                    "Alphabetic": "Wang^XiaoDong",
                    "Ideographic": "\u738b^\u5c0f\u6771"
                } ] },
                "00100020": { "vr": "LO", "Value": [ "12345" ] },
                "00100021": { "vr": "LO", "Value": [ "Hospital A" ] },
                "00100030": { "vr": "DA", "Value": [ "19670701" ] },
                "00100040": { "vr": "CS", "Value": [ "M" ] },
                "00101002": { "vr": "SQ", "Value": [
                    { "00100020": { "vr": "LO", "Value": [ "54321" ] },
                      "00100021": { "vr": "LO", "Value": [ "Hospital B" ] } },
                    { "00100020": { "vr": "LO", "Value": [ "24680" ] },
                      "00100021": { "vr": "LO", "Value": [ "Hospital C" ] } }
                ] },
                "0020000D": { "vr": "UI", "Value": [ "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873" ] },
                "00200010": { "vr": "SH", "Value": [ "11235813" ] },
                "00201206": { "vr": "IS", "Value": [ 4 ] },
                "00201208": { "vr": "IS", "Value": [ 942 ] }
              }
            ]
            """;

    @Test
    void readsAnF4StyleQueryResult() throws Exception {
        Attributes ds = new JsonReader().readDataSet(F4_STYLE);
        assertEquals("Wang^XiaoDong=\u738b^\u5c0f\u6771", ds.getString(Tag.PatientName));
        assertEquals("^Bob^^Dr.", ds.getString(0x00080090));
        assertArrayEquals(new String[] {"CT", "PET"}, ds.getStrings(0x00080061));
        assertEquals(942, ds.getInt(0x00201208, -1));
        assertArrayEquals(java.util.Base64.getDecoder().decode("z0x9c8v7"), ds.getBytes(0x00091002));
        assertEquals(VR.UN, ds.vr(0x00091002));
        Sequence others = ds.getSequence(0x00101002);
        assertEquals("Hospital C", others.get(1).getString(0x00100021));
        // UTF-8 encoding of the ideographic group, as (0008,0005) ISO_IR 192 says
        byte[] pn = ds.getBytes(Tag.PatientName);
        assertEquals("Wang^XiaoDong=\u738b^\u5c0f\u6771", new String(pn, StandardCharsets.UTF_8));
    }

    @Test
    void bulkDataUriIsRejectedOrSkipped() throws Exception {
        String json = "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"1\"]},\n"
                + " \"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"http://host/bulk/1\"}}";
        JsonReader.DicomJsonException e = assertThrows(JsonReader.DicomJsonException.class,
                () -> new JsonReader().readDataSet(json));
        assertEquals("DICOM JSON line 2, column 38: (7FE0,0010): BulkDataURI is not supported (PS3.18 F.2.6); "
                + "the value must be given inline as \"Value\" or \"InlineBinary\"", e.getMessage());
        Attributes ds = new JsonReader().skipBulkData(true).readDataSet(json);
        assertEquals(1, ds.size());
    }

    private static String error(String json) {
        return assertThrows(DicomEncodingException.class, () -> new JsonReader().readDataSet(json)).getMessage();
    }

    @Test
    void malformedJsonFailsWithPositionAndTag() {
        assertEquals("DICOM JSON line 1, column 38: unexpected '}', expected a value",
                error("{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"x\":}]}}"));
        assertEquals("DICOM JSON line 2, column 1: unexpected end of input, expected a value",
                error("{\"00100010\":\n"));
        assertEquals("DICOM JSON line 1, column 19: (0010,0010): \"vr\" must be a VR name such as \"PN\", found \"XX\"",
                error("{\"00100010\":{\"vr\":\"XX\"}}"));
        assertEquals("DICOM JSON line 1, column 13: '0010001' is not a tag: 8 hexadecimal digits expected "
                + "(PS3.18 F.2.2)", error("{\"0010001\": {\"vr\":\"PN\"}}"));
        assertEquals("DICOM JSON line 1, column 33: (0028,0010): 70000 is out of range for US (0..65535)",
                error("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}"));
        assertEquals("DICOM JSON line 1, column 33: (0010,0020): a LO value must be a string, found a number",
                error("{\"00100020\":{\"vr\":\"LO\",\"Value\":[5]}}"));
        assertEquals("DICOM JSON line 1, column 33: (0010,0020): value 'a\\b' contains a backslash, the value "
                + "delimiter of LO (PS3.18 F.2.4)", error("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"a\\\\b\"]}}"));
        assertEquals("DICOM JSON line 1, column 33: (0020,1208): 1.5 is not an integer, as IS requires",
                error("{\"00201208\":{\"vr\":\"IS\",\"Value\":[1.5]}}"));
        assertEquals("DICOM JSON line 1, column 32: (0010,0020): unknown member \"value\" (expected vr, Value, "
                + "InlineBinary)", error("{\"00100020\":{\"vr\":\"LO\",\"value\":[\"x\"]}}"));
        assertEquals("DICOM JSON line 1, column 24: duplicate member \"vr\"",
                error("{\"00100020\":{\"vr\":\"LO\",\"vr\":\"LO\"}}"));
        assertEquals("DICOM JSON line 1, column 3: invalid number: unexpected '1'", error("[01]"));
        assertEquals("DICOM JSON line 1, column 4: unexpected 'x' after the end of the JSON value", error("{} x"));
        assertEquals("DICOM JSON line 1, column 1: expected a data set object or an array of them, found a string",
                error("\"x\""));
    }

    @Test
    void nestingIsBounded() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            deep.append("{\"00400100\":{\"vr\":\"SQ\",\"Value\":[");
        }
        String msg = assertThrows(DicomEncodingException.class,
                () -> new JsonReader(new DecodeLimits(1 << 20, 8, 1L << 30)).readDataSet(deep.toString()))
                .getMessage();
        assertTrue(msg.contains("JSON nested deeper than 36 levels"), msg);
    }
}
