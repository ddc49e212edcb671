package io.dicomfind.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks with DCMTK (installed on every machine of the project and in CI): what we encode, DCMTK's
 * {@code dcmdump +U8} decodes to the same text, and what DCMTK's {@code dcmconv +C} encodes, we decode. DCMTK built
 * on iconv supports neither ISO 2022 IR 87 nor IR 159, so the Japanese double-byte sets are checked against the
 * byte examples of PS3.5 Annex H in {@link SpecificCharacterSetTest} only; DCMTK 3.6.7 does not know ISO_IR 203
 * (ISO 8859-15) either.
 */
class SpecificCharacterSetDcmtkTest {
    private static final int PATIENT_NAME = 0x00100010;
    private static final int STUDY_DESCRIPTION = 0x00081030;
    private static final int PATIENT_COMMENTS = 0x00104000;

    @TempDir
    Path dir;

    private static final String[][] SAMPLES = {
        {"ISO_IR 100", "Müller^Jürgen", "Fußgänger straße"},
        {"ISO_IR 101", "Wałęsa^Lech", "Łódź"},
        {"ISO_IR 109", "Ħaġar^Ġorġ", "Ċirkewwa"},
        {"ISO_IR 110", "Ķēniņš^Jānis", "Rīga"},
        {"ISO_IR 144", "Иванов^Иван", "Москва"},
        {"ISO_IR 127", "قباني^لنزار", "دمشق"},
        {"ISO_IR 126", "Διονυσιος^Σωκράτης", "Αθήνα"},
        {"ISO_IR 138", "שרון^דבורה", "ירושלים"},
        {"ISO_IR 148", "Çağrı^Öztürk", "İstanbul"},
        {"ISO_IR 166", "ประเทศไทย^สมชาย", "กรุงเทพ"},
        {"ISO_IR 13", "ﾔﾏﾀﾞ^ﾀﾛｳ", "ｺﾝﾆﾁﾊ"},
        {"\\ISO 2022 IR 149", "Hong^Gildong=洪^吉洞=홍^길동", "첫째 줄\r\n둘째 줄\\셋째"},
        {"\\ISO 2022 IR 58", "Zhang^XiaoDong=张^小东=", "第一行文字。\r\n第二行"},
        {"ISO 2022 IR 100\\ISO 2022 IR 126", "Müller^Jürgen=Σωκράτης^Διονυσιος", "Müller Σωκράτης ü"},
        {"ISO 2022 IR 6\\ISO 2022 IR 144\\ISO 2022 IR 149", "Ivanov=Иванов^홍", "Иван 홍 Ivan"},
        {"ISO_IR 192", "Wang^XiaoDong=王^小東=", "Ünïcödé 山田 홍길동 Ω"},
        {"GB18030", "Wang^XiaoDong=王^小东=", "第一行文字 𠀀"},
        {"GBK", "Wang^XiaoDong=王^小东=", "第一行文字"},
    };

    @Test
    void dcmtkDecodesWhatWeEncode() throws Exception {
        for (String[] sample : SAMPLES) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(sample[0].split("\\\\", -1));
            assertTrue(cs.isKnown(), sample[0]);
            Path file = dir.resolve("ours.dcm");
            byte[] terms = sample[0].getBytes(StandardCharsets.US_ASCII);
            Files.write(file, dataSet(terms, cs.encode(sample[1], VR.PN), cs.encode(sample[2], VR.LT)));
            String dump = run("dcmdump", "-f", "-te", "+U8", "+L", file.toString());
            assertEquals(sample[1], dumpedValue(dump, "(0010,0010) PN"), sample[0]);
            assertEquals(sample[2], dumpedValue(dump, "(0010,4000) LT"), sample[0]);
        }
    }

    @Test
    void weDecodeWhatDcmtkEncodes() throws Exception {
        for (String[] sample : SAMPLES) {
            if (sample[0].contains("\\")) {
                continue; // dcmconv +C converts to single-valued Specific Character Sets only
            }
            Path utf8 = dir.resolve("utf8.dcm");
            Path converted = dir.resolve("converted.dcm");
            Files.write(utf8, dataSet("ISO_IR 192".getBytes(StandardCharsets.US_ASCII),
                    sample[1].getBytes(StandardCharsets.UTF_8), sample[2].getBytes(StandardCharsets.UTF_8)));
            run("dcmconv", "-f", "-te", "-F", "+te", "+C", sample[0], utf8.toString(), converted.toString());
            List<byte[]> values = readValues(Files.readAllBytes(converted), 0x00080005, PATIENT_NAME,
                    PATIENT_COMMENTS);
            String terms = new String(values.get(0), StandardCharsets.US_ASCII).trim();
            assertEquals(sample[0], terms);
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(terms);
            assertEquals(sample[1], Attributes.trim(cs.decode(values.get(1), VR.PN), VR.PN), sample[0]);
            assertEquals(sample[2], Attributes.trim(cs.decode(values.get(2), VR.LT), VR.LT), sample[0]);
        }
    }

    /** A data set in Explicit VR Little Endian without File Meta Information: (0008,0005), a PN and an LT. */
    private static byte[] dataSet(byte[] terms, byte[] name, byte[] comments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        element(out, 0x00080005, "CS", terms);
        element(out, PATIENT_NAME, "PN", name);
        element(out, PATIENT_COMMENTS, "LT", comments);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
        int len = value.length + (value.length & 1);
        out.write(tag >> 16 & 0xFF);
        out.write(tag >> 24 & 0xFF);
        out.write(tag & 0xFF);
        out.write(tag >> 8 & 0xFF);
        out.write(vr.charAt(0));
        out.write(vr.charAt(1));
        out.write(len & 0xFF);
        out.write(len >> 8 & 0xFF);
        out.write(value, 0, value.length);
        if ((value.length & 1) != 0) {
            out.write(' ');
        }
    }

    /** The values of the given tags in a flat Explicit VR Little Endian data set of short-length VRs. */
    private static List<byte[]> readValues(byte[] b, int... tags) {
        List<byte[]> out = new ArrayList<>();
        for (int tag : tags) {
            int i = 0;
            byte[] found = null;
            while (i + 8 <= b.length && found == null) {
                int t = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 24 | (b[i + 2] & 0xFF) | (b[i + 3] & 0xFF) << 8;
                int len = (b[i + 6] & 0xFF) | (b[i + 7] & 0xFF) << 8;
                if (t == tag) {
                    found = java.util.Arrays.copyOfRange(b, i + 8, i + 8 + len);
                }
                i += 8 + len;
            }
            assertTrue(found != null, "tag " + Integer.toHexString(tag) + " not in DCMTK output");
            out.add(found);
        }
        return out;
    }

    /** The text between the brackets of dcmdump's line for an element; CR and LF of LT values are printed as-is. */
    private static String dumpedValue(String dump, String prefix) {
        Matcher m = Pattern.compile("^" + Pattern.quote(prefix + " [") + "(.*?)\\] *#", Pattern.DOTALL
                | Pattern.MULTILINE).matcher(dump);
        if (!m.find()) {
            throw new AssertionError(prefix + " not in dcmdump output:\n" + dump);
        }
        return m.group(1);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + new String(stderr, StandardCharsets.UTF_8));
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
