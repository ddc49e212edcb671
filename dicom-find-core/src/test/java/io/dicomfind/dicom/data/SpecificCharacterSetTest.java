package io.dicomfind.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Byte sequences of the examples in PS3.5 Annexes H (Japanese), I (Korean), J (UTF-8, GB18030, GBK) and K (GB 2312
 * with code extensions), and of the single-byte character sets.
 */
class SpecificCharacterSetTest {

    private static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void assertRoundTrip(SpecificCharacterSet cs, String text, byte[] bytes, VR vr) {
        assertEquals(text, cs.decode(bytes, vr), "decode with " + cs);
        assertArrayEquals(bytes, cs.encode(text, vr), "encode with " + cs);
    }

    // ------------------------------------------------------------- PS3.5 Annex H: Japanese

    /** PS3.5 Example H.3-1: value 1 empty (ISO-IR 6), value 2 ISO 2022 IR 87. */
    static final byte[] H3_1 = concat(ascii("Yamada^Tarou="),
            hex("1b 24 42 3b 33 45 44 1b 28 42 5e 1b 24 42 42 40 4f 3a 1b 28 42 3d"
                    + " 1b 24 42 24 64 24 5e 24 40 1b 28 42 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 42"));

    @Test
    void japaneseKanjiAndHiraganaWithIsoIr6InG0() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        assertTrue(cs.isIso2022());
        assertRoundTrip(cs, "Yamada^Tarou=山田^太郎=やまだ^たろう", H3_1, VR.PN);
    }

    /** PS3.5 Example H.3-2: value 1 ISO 2022 IR 13 (JIS X 0201 katakana in G1, romaji in G0). */
    @Test
    void japaneseHalfWidthKatakanaWithJisX0201InitialSets() {
        byte[] bytes = hex("d4 cf c0 de 5e c0 db b3 3d 1b 24 42 3b 33 45 44 1b 28 4a 5e 1b 24 42 42 40 4f 3a 1b 28 4a"
                + " 3d 1b 24 42 24 64 24 5e 24 40 1b 28 4a 5e 1b 24 42 24 3f 24 6d 24 26 1b 28 4a");
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
        assertRoundTrip(cs, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", bytes, VR.PN);
    }

    @Test
    void isoIr13WithoutExtensionsAndTheYenSignOfJisX0201Romaji() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 13");
        assertFalse(cs.isIso2022());
        assertRoundTrip(cs, "ﾔﾏﾀﾞ^ﾀﾛｳ", hex("d4 cf c0 de 5e c0 db b3"), VR.PN);
        // 05/12 is YEN SIGN in ISO-IR 14, but the value delimiter in multi-valued VRs (PS3.5 H.1.1 Note 3)
        assertEquals("100¥", cs.decode(ascii("100\\"), VR.LT));
        assertEquals("A\\B", cs.decode(ascii("A\\B"), VR.LO));
        assertArrayEquals(ascii("100\\"), cs.encode("100¥", VR.LT));
        assertArrayEquals(ascii("A\\B"), cs.encode("A\\B", VR.LO));
        assertThrows(UnencodableCharacterException.class, () -> cs.encode("100¥", VR.LO));
    }

    @Test
    void japaneseSupplementaryKanjiOfJisX0212() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        // U+4E02 is in JIS X 0212 (row 16 cell 1), not in JIS X 0208
        byte[] bytes = concat(hex("1b 24 42 3b 33 1b 24 28 44 30 21 1b 28 42"), ascii("^A"));
        assertRoundTrip(cs, "山丂^A", bytes, VR.PN);
    }

    @Test
    void multiValuedLongStringReturnsToIsoIr6BeforeEachBackslash() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        byte[] bytes = hex("1b 24 42 3b 33 45 44 1b 28 42 5c 1b 24 42 42 40 4f 3a 1b 28 42");
        assertRoundTrip(cs, "山田\\太郎", bytes, VR.LO);
    }

    @Test
    void textReturnsToIsoIr6BeforeLineBreaksAndTabs() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        byte[] bytes = hex("1b 24 42 3b 33 1b 28 42 0d 0a 1b 24 42 45 44 1b 28 42 09 41");
        assertRoundTrip(cs, "山\r\n田\tA", bytes, VR.LT);
        // a writer that forgot to switch back: the line break restores ISO-IR 6 all the same
        assertEquals("山\nA", cs.decode(hex("1b 24 42 3b 33 0a 41"), VR.LT));
    }

    // ------------------------------------------------------------- PS3.5 Annex I: Korean

    /** PS3.5 Example I.2-1: KS X 1001 in G1, designated again in each component. */
    static final byte[] I2 = concat(ascii("Hong^Gildong="), hex("1b 24 29 43 fb f3 5e 1b 24 29 43 d1 ce d4 d7 3d"
            + " 1b 24 29 43 c8 ab 5e 1b 24 29 43 b1 e6 b5 bf"));

    @Test
    void koreanHangulAndHanja() {
        assertRoundTrip(SpecificCharacterSet.valueOf("", "ISO 2022 IR 149"), "Hong^Gildong=洪^吉洞=홍^길동", I2,
                VR.PN);
    }

    @Test
    void koreanInLongStringNeedsNoNewDesignationAtCaret() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        assertRoundTrip(cs, "洪^吉", hex("1b 24 29 43 fb f3 5e d1 ce"), VR.LO);
    }

    @Test
    void koreanWithNonStandardIsoIr149AndNoEscapeSequences() {
        // Written by many devices: "ISO_IR 149" and plain EUC-KR bytes without ESC $ ) C
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 149");
        assertTrue(cs.isKnown());
        assertArrayEquals(new String[] {"ISO 2022 IR 149"}, cs.canonicalTerms());
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", cs.decode(I2, VR.PN));
        assertEquals("홍^길동", cs.decode(hex("c8 ab 5e b1 e6 b5 bf"), VR.PN));
        assertEquals("홍^길동", SpecificCharacterSet.valueOf("", "ISO 2022 IR 149")
                .decode(hex("c8 ab 5e b1 e6 b5 bf"), VR.PN));
        // and encodes as the standard wants
        assertArrayEquals(I2, cs.encode("Hong^Gildong=洪^吉洞=홍^길동", VR.PN));
    }

    // ------------------------------------------------------------- PS3.5 Annex J: UTF-8, GB18030, GBK

    @Test
    void chineseInUtf8() {
        byte[] bytes = concat(ascii("Wang^XiaoDong="), hex("e7 8e 8b 5e e5 b0 8f e6 9d b1 3d"));
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 192");
        assertTrue(cs.isUtf8());
        assertFalse(cs.isIso2022());
        assertRoundTrip(cs, "Wang^XiaoDong=王^小東=", bytes, VR.PN);
    }

    /** PS3.5 Example J.3-1 (and J.4 for GBK, same bytes). */
    @Test
    void chineseInGb18030AndGbk() {
        byte[] bytes = hex("57 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d cd f5 5e d0 a1 b6 ab 3d");
        assertRoundTrip(SpecificCharacterSet.valueOf("GB18030"), "Wang^XiaoDong=王^小东=", bytes, VR.PN);
        assertRoundTrip(SpecificCharacterSet.valueOf("GBK"), "Wang^XiaoDong=王^小东=", bytes, VR.PN);
    }

    @Test
    void gb18030SecondBytesThatLookLikeBackslashStayInTheirCharacter() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("GB18030");
        String text = "癨\\丂"; // GBK 0xB0 0x5C and 0x81 0x40: trail bytes in the ASCII range
        byte[] bytes = cs.encode(text, VR.LO);
        assertArrayEquals(hex("b0 5c 5c 81 40"), bytes);
        assertEquals(text, cs.decode(bytes, VR.LO));
        // GB18030 holds every Unicode character, GBK does not
        assertArrayEquals(hex("95 32 82 36"), cs.encode("\uD840\uDC00", VR.LO));
        assertThrows(UnencodableCharacterException.class,
                () -> SpecificCharacterSet.valueOf("GBK").encode("\uD840\uDC00", VR.LO));
    }

    // ------------------------------------------------------------- PS3.5 Annex K: GB 2312 with code extensions

    /** PS3.5 Example K.2-1, with the trailing padding SPACE of the example. */
    @Test
    void chineseGb2312WithCodeExtensions() {
        byte[] bytes = hex("5a 68 61 6e 67 5e 58 69 61 6f 44 6f 6e 67 3d 1b 24 29 41 d5 c5 5e 1b 24 29 41 d0 a1 b6 ab"
                + " 3d 20");
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        assertEquals("Zhang^XiaoDong=张^小东= ", cs.decode(bytes, VR.PN));
        assertArrayEquals(Arrays.copyOf(bytes, bytes.length - 1), cs.encode("Zhang^XiaoDong=张^小东=", VR.PN));
    }

    /** PS3.5 Example K.3-1: Long Text with explicit (redundant) ESC ( B before each line break. */
    @Test
    void chineseLongTextWithEscapesAtEachLine() {
        byte[] bytes = hex("31 2e 1b 24 29 41 b5 da d2 bb d0 d0 ce c4 d7 d6 a1 a3 1b 28 42 0d 0a"
                + " 32 2e 1b 24 29 41 b5 da b6 fe d0 d0 ce c4 d7 d6 a1 a3 1b 28 42 0d 0a"
                + " 33 2e 1b 24 29 41 b5 da c8 fd d0 d0 ce c4 d7 d6 a1 a3 1b 28 42 0d 0a 20");
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        String text = "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n ";
        assertEquals(text, cs.decode(bytes, VR.LT));
        assertEquals(text, cs.decode(cs.encode(text, VR.LT), VR.LT));
    }

    // ------------------------------------------------------------- single-byte character sets

    @Test
    void singleByteCharacterSets() {
        Object[][] cases = {
            {"ISO_IR 100", "Müller^Jürgen", "4d fc 6c 6c 65 72 5e 4a fc 72 67 65 6e"},
            {"ISO_IR 101", "Wałęsa^Lech", "57 61 b3 ea 73 61 5e 4c 65 63 68"},
            {"ISO_IR 109", "Ħaġar", "a1 61 f5 61 72"},
            {"ISO_IR 110", "Ķēniņš", "d3 ba 6e 69 f1 b9"},
            {"ISO_IR 144", "Иванов^Иван", "b8 d2 d0 dd de d2 5e b8 d2 d0 dd"},
            {"ISO_IR 127", "قباني^لنزار", "e2 c8 c7 e6 ea 5e e4 e6 d2 c7 d1"},
            {"ISO_IR 126", "Διονυσιος", "c4 e9 ef ed f5 f3 e9 ef f2"},
            {"ISO_IR 138", "שרון^דבורה", "f9 f8 e5 ef 5e e3 e1 e5 f8 e4"},
            {"ISO_IR 148", "Çağrı^Öztürk", "c7 61 f0 72 fd 5e d6 7a 74 fc 72 6b"},
            {"ISO_IR 203", "Œuvre €", "bc 75 76 72 65 20 a4"},
            {"ISO_IR 166", "ประเทศไทย", "bb c3 d0 e0 b7 c8 e4 b7 c2"},
        };
        for (Object[] c : cases) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf((String) c[0]);
            assertTrue(cs.isKnown(), (String) c[0]);
            assertFalse(cs.isIso2022(), (String) c[0]);
            assertRoundTrip(cs, (String) c[1], hex((String) c[2]), VR.PN);
            // the same sets with code extensions and no other value encode the same way
            String term2022 = ((String) c[0]).replace("ISO_IR", "ISO 2022 IR");
            assertRoundTrip(SpecificCharacterSet.valueOf(term2022), (String) c[1], hex((String) c[2]), VR.PN);
        }
    }

    @Test
    void latinAndGreekWithCodeExtensionsSwitchG1AndRestoreItForDecodersThatDoNot() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 126");
        byte[] bytes = concat(hex("4d fc 6c 6c 65 72 5e 1b 2d 46 d3 f9 ea f1 dc f4 e7 f2 5e 1b 2d 41 fc"));
        assertRoundTrip(cs, "Müller^Σωκράτης^ü", bytes, VR.PN);
        // a reader following PS3.5 restores ISO-IR 100 in G1 at '^' even without the escape
        assertEquals("Σ^ü", cs.decode(hex("1b 2d 46 d3 5e fc"), VR.PN));
    }

    @Test
    void theFirstValueWinsWhereSeveralSetsHoldACharacter() {
        // é is in ISO 8859-1 and ISO 8859-2: value 1 is used, no escape sequence
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 101");
        assertArrayEquals(hex("e9 1b 2d 42 b3"), cs.encode("éł", VR.LO));
        assertEquals("éł", cs.decode(hex("e9 1b 2d 42 b3"), VR.LO));
    }

    // ------------------------------------------------------------- default repertoire, terms

    @Test
    void defaultRepertoireIsAsciiAndReadsStrayBytesAsLatin1() {
        SpecificCharacterSet cs = SpecificCharacterSet.DEFAULT;
        assertEquals(0, cs.terms().length);
        assertEquals("Doe^John", cs.decode(ascii("Doe^John"), VR.PN));
        assertEquals("Müller", cs.decode(hex("4d fc 6c 6c 65 72"), VR.PN));
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> cs.encode("Müller", VR.PN));
        assertEquals(0xFC, e.codePoint());
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("'ü' (U+00FC)"), e.getMessage());
        assertTrue(e.getMessage().contains("ISO_IR 6"), e.getMessage());
        assertArrayEquals(ascii("M?ller"), cs.encode("Müller", VR.PN, true));
        assertFalse(cs.canEncode("Müller", VR.PN));
        assertTrue(cs.canEncode("Muller", VR.PN));
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf(""));
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf());
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.valueOf((String[]) null));
    }

    @Test
    void tolerantSpellingsOfTerms() {
        String[][] spellings = {
            {"ISO-IR 100", "ISO_IR 100"}, {"iso_ir 100", "ISO_IR 100"}, {"ISO_IR100", "ISO_IR 100"},
            {"ISO_IR 100 ", "ISO_IR 100"}, {"ISO_IR 87", "ISO 2022 IR 87"}, {"ISO_IR 58", "ISO 2022 IR 58"},
            {"ISO_IR 159", "ISO 2022 IR 159"}, {"UTF-8", "ISO_IR 192"}, {"utf8", "ISO_IR 192"},
            {"ISO 2022 IR 192", "ISO_IR 192"}, {"gb18030", "GB18030"}, {"ISO-8859-5", "ISO_IR 144"},
        };
        for (String[] s : spellings) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(s[0]);
            assertTrue(cs.isKnown(), s[0]);
            assertEquals(s[1], cs.canonicalTerms()[0], s[0]);
        }
        assertEquals("Müller", SpecificCharacterSet.valueOf("ISO-IR 100").decode(hex("4d fc 6c 6c 65 72"), VR.PN));
        assertEquals("王", SpecificCharacterSet.valueOf("UTF-8").decode(hex("e7 8e 8b"), VR.PN));
        SpecificCharacterSet isoIr6 = SpecificCharacterSet.valueOf("ISO_IR 6");
        assertTrue(isoIr6.isKnown());
        assertArrayEquals(new String[] {"ISO_IR 6"}, isoIr6.canonicalTerms());
        assertArrayEquals(new String[] {"", "ISO 2022 IR 87"},
                SpecificCharacterSet.valueOf("ISO_IR 6", "ISO_IR 87").canonicalTerms());
        assertArrayEquals(ascii("ABC"), isoIr6.encode("ABC", VR.LO));
        // UTF-8 listed after an empty value 1 is still UTF-8
        assertEquals("王", SpecificCharacterSet.valueOf("", "ISO_IR 192").decode(hex("e7 8e 8b"), VR.PN));
    }

    @Test
    void unknownTermsAreReportedAndReadAsTheDefaultRepertoire() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("WINDOWS_LATIN_1");
        assertFalse(cs.isKnown());
        assertArrayEquals(new String[] {"WINDOWS_LATIN_1"}, cs.unknownTerms());
        assertEquals("Müller", cs.decode(hex("4d fc 6c 6c 65 72"), VR.PN));
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> cs.encode("Müller", VR.PN));
        assertTrue(e.getMessage().contains("WINDOWS_LATIN_1"), e.getMessage());
        SpecificCharacterSet mixed = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149", "FOO");
        assertArrayEquals(new String[] {"FOO"}, mixed.unknownTerms());
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", mixed.decode(I2, VR.PN));
    }

    @Test
    void malformedInputNeverThrows() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 149");
        assertEquals("A\uFFFD$", cs.decode(hex("41 1b 24"), VR.PN)); // truncated escape sequence
        assertEquals("A\uFFFDB", cs.decode(hex("41 1b 28 5a 42"), VR.PN)); // ESC ( Z designates nothing known
        assertEquals("\uFFFD", cs.decode(hex("1b 24 42 3b"), VR.PN)); // half a JIS X 0208 character
        assertEquals("\uFFFDA", cs.decode(hex("1b 24 29 43 fb 41"), VR.PN)); // half a KS X 1001 character
        assertEquals("\uFFFD", cs.decode(hex("1b"), VR.PN));
        assertEquals("\uFFFD", SpecificCharacterSet.valueOf("ISO_IR 192").decode(hex("e7 8e"), VR.PN));
        Random random = new Random(20240501L);
        List<SpecificCharacterSet> sets = List.of(cs, SpecificCharacterSet.DEFAULT,
                SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"),
                SpecificCharacterSet.valueOf("ISO_IR 166"), SpecificCharacterSet.valueOf("ISO_IR 13"),
                SpecificCharacterSet.valueOf("", "ISO 2022 IR 58"), SpecificCharacterSet.valueOf("GB18030"),
                SpecificCharacterSet.valueOf("ISO_IR 192"), SpecificCharacterSet.valueOf("ISO 2022 IR 100",
                        "ISO 2022 IR 144"));
        byte[] alphabet = hex("1b 24 28 29 2d 42 43 44 41 4a 49 46 5c 5e 3d 0d 0a 21 7e 7f 80 a0 a1 b0 c8 fe ff");
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            for (SpecificCharacterSet s : sets) {
                for (VR vr : new VR[] {VR.PN, VR.LO, VR.LT}) {
                    assertNotNull(s.decode(b, vr));
                }
            }
        }
    }

    @Test
    void charactersThatNoValueHoldsAreNamedInTheError() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 100");
        UnencodableCharacterException e = assertThrows(UnencodableCharacterException.class,
                () -> cs.encode("Yamada=山田", VR.PN));
        assertEquals(0x5C71, e.codePoint());
        assertEquals(7, e.index());
        assertEquals("ISO_IR 100", e.characterSet());
        assertTrue(e.getMessage().contains("'山' (U+5C71)"), e.getMessage());
        assertArrayEquals(ascii("Yamada=??"), cs.encode("Yamada=山田", VR.PN, true));
        SpecificCharacterSet jp = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        assertThrows(UnencodableCharacterException.class, () -> jp.encode("홍", VR.PN));
        // lenient replacement switches back to ISO-IR 6 for the '?'
        assertArrayEquals(hex("1b 24 42 3b 33 1b 28 42 3f"), jp.encode("山홍", VR.PN, true));
        assertThrows(UnencodableCharacterException.class,
                () -> SpecificCharacterSet.valueOf("ISO_IR 192").encode("a\uD800b", VR.LO)); // lone surrogate
    }

    @Test
    void instancesAreCachedAndComparable() {
        assertSame(SpecificCharacterSet.valueOf("ISO_IR 100"), SpecificCharacterSet.valueOf("ISO_IR 100"));
        assertEquals(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87"),
                SpecificCharacterSet.valueOf("", "ISO 2022 IR 87"));
        assertEquals("\\ISO 2022 IR 87", SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").toString());
        for (int i = 0; i < 200; i++) { // the cache stays bounded and keeps working
            assertTrue(SpecificCharacterSet.valueOf("X" + i).unknownTerms().length == 1);
        }
        assertEquals("Müller", SpecificCharacterSet.valueOf("ISO_IR 100").decode(hex("4d fc 6c 6c 65 72"), VR.PN));
    }

    @Test
    void fallbackByDefinedTermOrJavaCharsetName() {
        assertEquals(SpecificCharacterSet.valueOf("ISO_IR 100"), SpecificCharacterSet.forFallback("ISO_IR 100"));
        assertEquals(SpecificCharacterSet.valueOf("ISO_IR 100"), SpecificCharacterSet.forFallback("ISO-IR 100"));
        assertTrue(SpecificCharacterSet.forFallback("\\ISO 2022 IR 149").isIso2022());
        assertTrue(SpecificCharacterSet.forFallback("UTF-8").isUtf8());
        SpecificCharacterSet cp1252 = SpecificCharacterSet.forFallback("windows-1252");
        assertEquals("€ Müller", cp1252.decode(hex("80 20 4d fc 6c 6c 65 72"), VR.LO));
        assertArrayEquals(hex("80"), cp1252.encode("€", VR.LO));
        SpecificCharacterSet sjis = SpecificCharacterSet.forFallback("Shift_JIS");
        assertEquals("山田", sjis.decode(hex("8e 52 93 63"), VR.PN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpecificCharacterSet.forFallback("no such charset"));
        assertTrue(e.getMessage().contains("'no such charset'"), e.getMessage());
        assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.forFallback(" "));
    }

    @Test
    void definedTermsOfPs33AreAllRecognised() {
        List<String> defined = Arrays.asList(SpecificCharacterSet.definedTerms());
        for (String t : new String[] {"ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144",
            "ISO_IR 127", "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 13", "ISO_IR 166",
            "ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109", "ISO 2022 IR 110",
            "ISO 2022 IR 144", "ISO 2022 IR 127", "ISO 2022 IR 126", "ISO 2022 IR 138", "ISO 2022 IR 148",
            "ISO 2022 IR 203", "ISO 2022 IR 13", "ISO 2022 IR 166", "ISO 2022 IR 87", "ISO 2022 IR 159",
            "ISO 2022 IR 149", "ISO 2022 IR 58", "ISO_IR 192", "GB18030", "GBK"}) {
            assertTrue(defined.contains(t), t);
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(t);
            assertTrue(cs.isKnown(), t);
            assertArrayEquals(new String[] {t}, cs.canonicalTerms(), t);
        }
        assertEquals(32, defined.size());
    }

    @Test
    void asciiHelpers() {
        assertTrue(SpecificCharacterSet.isAscii(ascii("Doe^John")));
        assertFalse(SpecificCharacterSet.isAscii(hex("41 1b 28 42")));
        assertFalse(SpecificCharacterSet.isAscii(hex("fc")));
        assertTrue(SpecificCharacterSet.containsNonAscii("Müller"));
        assertFalse(SpecificCharacterSet.containsNonAscii("Muller"));
    }
}
