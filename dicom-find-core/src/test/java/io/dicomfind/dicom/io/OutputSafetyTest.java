package io.dicomfind.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.SafeText;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.net.hostile.HostileOutput;
import io.dicomfind.dicom.net.hostile.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Issue 13 at the level of the writers: the escaping scheme, the dump cap, the depth bound, XML and JSON validity. */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void escapingExamplesOfTheDocumentation() {
        assertEquals("DOE^JOHN\\u001B[31m", SafeText.escape("DOE^JOHN\u001B[31m"));
        assertEquals("A\\u000D\\u000AI: forged", SafeText.escape("A\r\nI: forged"));
        assertEquals("\\u009B\\u202E\\u2028", SafeText.escape("\u009B\u202E\u2028"));
        assertEquals("C:\\u005Cx41", SafeText.escape("C:\\x41"));
        assertEquals("1\\2\\3\\x\\u12", SafeText.escape("1\\2\\3\\x\\u12"));
        String plain = "ordinary^text\\with=values";
        assertTrue(plain == SafeText.escape(plain), "nothing to escape: the same string");
        StringBuilder sb = new StringBuilder();
        SafeText.appendBytes(sb, new byte[] {'A', (byte) 0xFF, 'B', '\\', 'x', '4', '1'}, 0, 7, -1);
        assertEquals("A\\xFFB\\x5Cx41", sb.toString());
    }

    @Test
    void escapingIsReversibleAndLeavesNothingUnsafe() {
        char[] alphabet = {'a', 'Z', '0', '7', 'F', 'u', 'x', '\\', '\u001B', '\n', '\r', '\t', '\u007F', '\u0085',
            '\u009B', '\u00E9', '\u202E', '\u2066', '\uD83D', '\uDE00', '\u0000'};
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String original = s.toString();
            String shown = SafeText.escape(original);
            assertEquals(original, unescape(shown), () -> "not reversible: " + shown);
            for (int k = 0; k < shown.length(); k++) {
                char c = shown.charAt(k);
                assertTrue(c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F) && c != '\u202E' && c != '\u2066',
                        () -> "unsafe character left in " + shown);
            }
        }
    }

    /** The documented reading: backslash-u and 4 hex digits is a character, any other backslash literal. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 5 < s.length() && s.charAt(k + 1) == 'u'
                    && s.substring(k + 2, k + 6).chars().allMatch(d -> Character.digit(d, 16) >= 0)) {
                sb.append((char) Integer.parseInt(s.substring(k + 2, k + 6), 16));
                k += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Attributes hostile() throws Exception {
        return DataSetReader.read(HostileOutput.CONTROL_CHARACTERS.encode(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DecodeLimits.DEFAULT);
    }

    @Test
    void dumpLinesOfHostileTextAreSafe() throws Exception {
        List<String> lines = new ArrayList<>();
        new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).showPadding(true).shortenLongValues(false)
                .write(hostile(), line -> lines.add(line.toString()));
        assertEquals(2 + 18, lines.size(), lines.toString());
        for (String l : lines) {
            assertTrue(l.chars().allMatch(c -> c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F)), l);
        }
        assertTrue(lines.contains("(0010,0010) PN [" + HostileOutput.HOSTILE_TEXT_SHOWN + "] #  " + HostileOutput.HOSTILE_TEXT.length + ", 1 PatientName"),
                String.join("\n", lines));
    }

    @Test
    void dumpCapShortensAndReports() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "X".repeat(100));
        ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(0x00400007, VR.LO, "Y".repeat(50));
        List<String> lines = new ArrayList<>();
        DumpWriter.Shortened s = new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).shortenLongValues(false)
                .maxValueLength(40).write(ds, line -> lines.add(line.toString()));
        assertNotNull(s);
        assertEquals(2, s.count());
        assertEquals("(0010,0010)", s.firstElement());
        assertEquals(40, s.limit());
        assertTrue(lines.get(2).startsWith("(0010,0010) PN [" + "X".repeat(36) + "... "), lines.get(2));
        ds.remove(Tag.PatientName);
        DumpWriter.Shortened inItem = new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .shortenLongValues(false).maxValueLength(40).write(ds, l -> { });
        assertEquals("(0040,0100)[0].(0040,0007)", inItem.firstElement());
        assertEquals(null, new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).shortenLongValues(false)
                .maxValueLength(0).write(ds, l -> { }));
    }

    @Test
    void everyWriterBoundsNesting() {
        Attributes top = new Attributes();
        Attributes item = top;
        for (int d = 0; d <= OutputLimits.MAX_DEPTH; d++) {
            item = item.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        }
        String expected = "nested deeper than " + OutputLimits.MAX_DEPTH + " levels";
        List<Runnable> writers = List.of(
            () -> new DumpWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(top, l -> { }),
            () -> JsonWriter.toJson(top),
            () -> NativeXmlWriter.toXml(top),
            () -> {
                try {
                    new DcmtkXmlWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                            .writeDataSetDocument(top, new ByteArrayOutputStream());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        for (Runnable w : writers) {
            OutputLimitException e = assertThrows(OutputLimitException.class, w::run);
            assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("(0040,0100)"), e.getMessage());
        }
    }

    @Test
    void xmlOfHostileTextParsesAndKeepsTheBytes() throws Exception {
        Attributes ds = hostile();
        for (boolean utf8 : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DcmtkXmlWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).convertToUtf8(utf8)
                    .writeDataSetDocument(ds, out);
            strictXml(out.toByteArray());
            String doc = out.toString(StandardCharsets.ISO_8859_1);
            assertTrue(doc.contains("name=\"PatientName\" binary=\"base64\">"), doc);
        }
        StringWriter native_ = new StringWriter();
        new NativeXmlWriter(native_).writeDataSet(ds);
        strictXml(native_.toString().getBytes(StandardCharsets.UTF_8));
        Attributes back = new NativeXmlReader().read(native_.toString());
        assertArrayEquals(HostileOutput.HOSTILE_TEXT, back.getBytes(Tag.PatientName));
        Path json = tmp.resolve("hostile.json");
        Files.writeString(json, JsonWriter.toJson(ds), StandardCharsets.UTF_8);
        StrictJson.check(json);
    }

    private static void strictXml(byte[] doc) throws Exception {
        try {
            SAXParserFactory.newInstance().newSAXParser().parse(new java.io.ByteArrayInputStream(doc),
                    new DefaultHandler() {
                        @Override
                        public void error(SAXParseException e) throws SAXException {
                            throw e;
                        }
                    });
        } catch (SAXException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n"
                    + new String(doc, StandardCharsets.ISO_8859_1), e);
        }
    }
}
