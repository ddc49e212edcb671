package io.dicomfind.dicom.data.charset;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * One graphic character set (an ISO 2022 "code element") that DICOM designates into G0 or G1: PS3.3 Tables
 * C.12-3 and C.12-4 list them with their escape sequences, PS3.5 6.1.2.5 says how they are used.
 *
 * <p>Characters are held by their 7-bit code ({@code 0x21..0x7E}, or {@code 0x20..0x7F} for 96-sets); in G1 the
 * same code is sent with the high bit set (ISO 2022 GR). Decoding and encoding go through tables built once, lazily,
 * from the JDK's charsets, so the per-value work is a table look-up.
 */
public final class CodeElement {

    /** ISO 2022 set sizes: single-byte 94 or 96 characters, or the 94x94 double-byte sets. */
    public enum Size { CS94, CS96, CS94X94 }

    public static final CodeElement ISO_IR_6 = new CodeElement("ISO-IR 6 (ISO 646, ASCII)", Size.CS94, 'B', 0, null);
    /** JIS X 0201 Romaji: ASCII except 05/12 YEN SIGN and 07/14 OVERLINE (PS3.5 H.1.1). */
    public static final CodeElement ISO_IR_14 = new CodeElement("ISO-IR 14 (JIS X 0201 Romaji)", Size.CS94, 'J', 0,
            null);
    /** JIS X 0201 Katakana, the half-width katakana of Unicode U+FF61..U+FF9F. */
    public static final CodeElement ISO_IR_13 = new CodeElement("ISO-IR 13 (JIS X 0201 Katakana)", Size.CS94, 'I', 1,
            null);
    public static final CodeElement ISO_IR_100 = latin("ISO-IR 100 (ISO 8859-1, Latin alphabet No. 1)", 'A', "ISO-8859-1");
    public static final CodeElement ISO_IR_101 = latin("ISO-IR 101 (ISO 8859-2, Latin alphabet No. 2)", 'B', "ISO-8859-2");
    public static final CodeElement ISO_IR_109 = latin("ISO-IR 109 (ISO 8859-3, Latin alphabet No. 3)", 'C', "ISO-8859-3");
    public static final CodeElement ISO_IR_110 = latin("ISO-IR 110 (ISO 8859-4, Latin alphabet No. 4)", 'D', "ISO-8859-4");
    public static final CodeElement ISO_IR_144 = latin("ISO-IR 144 (ISO 8859-5, Cyrillic)", 'L', "ISO-8859-5");
    public static final CodeElement ISO_IR_127 = latin("ISO-IR 127 (ISO 8859-6, Arabic)", 'G', "ISO-8859-6");
    public static final CodeElement ISO_IR_126 = latin("ISO-IR 126 (ISO 8859-7, Greek)", 'F', "ISO-8859-7");
    public static final CodeElement ISO_IR_138 = latin("ISO-IR 138 (ISO 8859-8, Hebrew)", 'H', "ISO-8859-8");
    public static final CodeElement ISO_IR_148 = latin("ISO-IR 148 (ISO 8859-9, Latin alphabet No. 5)", 'M', "ISO-8859-9");
    public static final CodeElement ISO_IR_203 = latin("ISO-IR 203 (ISO 8859-15, Latin alphabet No. 9)", 'b',
            "ISO-8859-15");
    /** TIS 620-2533; ISO 8859-11 is the same repertoire with NBSP at 0xA0. */
    public static final CodeElement ISO_IR_166 = latin("ISO-IR 166 (TIS 620-2533, Thai)", 'T', "x-iso-8859-11");
    /** JIS X 0208 kanji, hiragana, katakana; designated to G0 (PS3.5 H.1.2). */
    public static final CodeElement ISO_IR_87 = new CodeElement("ISO-IR 87 (JIS X 0208, Japanese kanji)",
            Size.CS94X94, 'B', 0, "EUC-JP");
    /** JIS X 0212 supplementary kanji; designated to G0. */
    public static final CodeElement ISO_IR_159 = new CodeElement("ISO-IR 159 (JIS X 0212, supplementary kanji)",
            Size.CS94X94, 'D', 0, "EUC-JP");
    /** KS X 1001 Hangul and Hanja; designated to G1 (PS3.5 I.2). */
    public static final CodeElement ISO_IR_149 = new CodeElement("ISO-IR 149 (KS X 1001, Korean)", Size.CS94X94,
            'C', 1, "EUC-KR");
    /** GB 2312 simplified Chinese; designated to G1 (PS3.5 K.2). */
    public static final CodeElement ISO_IR_58 = new CodeElement("ISO-IR 58 (GB 2312, simplified Chinese)",
            Size.CS94X94, 'A', 1, "GB2312");

    private static final CodeElement[] ALL = {ISO_IR_6, ISO_IR_14, ISO_IR_13, ISO_IR_100, ISO_IR_101, ISO_IR_109,
        ISO_IR_110, ISO_IR_144, ISO_IR_127, ISO_IR_126, ISO_IR_138, ISO_IR_148, ISO_IR_203, ISO_IR_166, ISO_IR_87,
        ISO_IR_159, ISO_IR_149, ISO_IR_58};

    private static final char NONE = '\0';

    private final String description;
    private final Size size;
    private final char finalByte;
    private final int register;
    private final String javaCharset;
    private final byte[] designation;
    private volatile char[] decodeTable;
    private volatile char[] encodeTable;

    private CodeElement(String description, Size size, char finalByte, int register, String javaCharset) {
        this.description = description;
        this.size = size;
        this.finalByte = finalByte;
        this.register = register;
        this.javaCharset = javaCharset;
        this.designation = designationFor(size, register, finalByte);
    }

    private static CodeElement latin(String description, char finalByte, String javaCharset) {
        return new CodeElement(description, Size.CS96, finalByte, 1, javaCharset);
    }

    /** ISO 2022 designation escape sequences, as listed in PS3.3 Tables C.12-3 and C.12-4. */
    private static byte[] designationFor(Size size, int register, char f) {
        return switch (size) {
            case CS94 -> new byte[] {0x1B, (byte) (register == 0 ? '(' : ')'), (byte) f};
            case CS96 -> new byte[] {0x1B, '-', (byte) f};
            case CS94X94 -> register == 0 && f >= '@' && f <= 'B'
                    ? new byte[] {0x1B, '$', (byte) f}
                    : new byte[] {0x1B, '$', (byte) (register == 0 ? '(' : ')'), (byte) f};
        };
    }

    /**
     * The code element an escape sequence designates, or null if DICOM does not use it. {@code intermediates} are
     * the bytes {@code b[start..intermediatesEnd)} between ESC and the final byte. Sets may be designated to either
     * G0 or G1 (ISO 2022 allows it, and being tolerant costs nothing); 96-sets only to G1.
     */
    static CodeElement forEscape(byte[] b, int start, int intermediatesEnd, int finalByte) {
        int n = intermediatesEnd - start;
        Size size;
        if (n == 1 && (b[start] == '(' || b[start] == ')')) {
            size = Size.CS94;
        } else if (n == 1 && b[start] == '-') {
            size = Size.CS96;
        } else if (n == 1 && b[start] == '$' && finalByte >= '@' && finalByte <= 'B'
                || n == 2 && b[start] == '$' && (b[start + 1] == '(' || b[start + 1] == ')')) {
            size = Size.CS94X94;
        } else {
            return null;
        }
        if (size == Size.CS94X94 && finalByte == '@') {
            finalByte = 'B'; // JIS C 6226-1978, the older edition of JIS X 0208: read with the current mapping
        }
        for (CodeElement e : ALL) {
            if (e.size == size && e.finalByte == finalByte) {
                return e;
            }
        }
        return null;
    }

    /** The register (0 for G0, 1 for G1) an escape sequence accepted by {@link #forEscape} designates. */
    static int registerOfEscape(byte[] b, int start, int intermediatesEnd) {
        byte last = b[intermediatesEnd - 1];
        return last == '(' || last == '$' ? 0 : 1;
    }

    public String description() {
        return description;
    }

    public Size size() {
        return size;
    }

    public boolean isDoubleByte() {
        return size == Size.CS94X94;
    }

    /** 0 for G0, 1 for G1: where DICOM designates this set. */
    public int register() {
        return register;
    }

    /** The escape sequence that designates this set to its register. */
    byte[] designation() {
        return designation;
    }

    /**
     * The character for a 7-bit code ({@code c1} alone for single-byte sets, {@code c1,c2} for double-byte sets,
     * each in {@code 0x20..0x7F}), or {@code '\0'} if the set has no character there.
     */
    char decode(int c1, int c2) {
        char[] t = decodeTable();
        int index = size == Size.CS94X94 ? (c1 - 0x21) * 94 + (c2 - 0x21) : c1 - 0x20;
        return index >= 0 && index < t.length ? t[index] : NONE;
    }

    /** The 7-bit code of {@code c} (for double-byte sets: first byte in bits 8..15), or -1 if not in this set. */
    int encode(char c) {
        char code = encodeTable()[c];
        return code == NONE ? -1 : code;
    }

    private char[] decodeTable() {
        char[] t = decodeTable;
        if (t == null) {
            t = buildDecodeTable();
            decodeTable = t;
        }
        return t;
    }

    private char[] encodeTable() {
        char[] t = encodeTable;
        if (t == null) {
            char[] d = decodeTable();
            t = new char[0x10000];
            for (int i = d.length - 1; i >= 0; i--) { // lowest code wins where a character appears twice
                char c = d[i];
                if (c != NONE && c != '\uFFFD') {
                    t[c] = (char) (size == Size.CS94X94 ? ((i / 94 + 0x21) << 8) | (i % 94 + 0x21) : i + 0x20);
                }
            }
            encodeTable = t;
        }
        return t;
    }

    private char[] buildDecodeTable() {
        if (this == ISO_IR_6 || this == ISO_IR_14) {
            char[] t = new char[96];
            for (int i = 0; i < 95; i++) { // SPACE (02/00) is in GL whatever set G0 holds
                t[i] = (char) (0x20 + i);
            }
            if (this == ISO_IR_14) {
                t[0x5C - 0x20] = '\u00A5'; // YEN SIGN (PS3.5 H.1.1)
                t[0x7E - 0x20] = '\u203E'; // OVERLINE
            }
            return t;
        }
        if (this == ISO_IR_13) {
            char[] t = new char[96];
            for (int c = 0x21; c <= 0x5F; c++) {
                t[c - 0x20] = (char) (0xFF61 + c - 0x21);
            }
            return t;
        }
        Charset cs = Charset.forName(javaCharset);
        if (size == Size.CS96) {
            byte[] all = new byte[96];
            for (int i = 0; i < 96; i++) {
                all[i] = (byte) (0xA0 + i);
            }
            char[] t = new String(all, cs).toCharArray();
            return t.length == 96 ? t : Arrays.copyOf(t, 96);
        }
        // Double-byte sets: the JDK's EUC charsets carry them in GR (high bit set); JIS X 0212 behind SS3 (0x8F).
        char[] t = new char[94 * 94];
        boolean ss3 = this == ISO_IR_159;
        byte[] pair = new byte[ss3 ? 3 : 2];
        for (int i = 0; i < t.length; i++) {
            int k = 0;
            if (ss3) {
                pair[k++] = (byte) 0x8F;
            }
            pair[k++] = (byte) (0xA1 + i / 94);
            pair[k] = (byte) (0xA1 + i % 94);
            String s = new String(pair, cs);
            t[i] = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : NONE;
        }
        return t;
    }

    @Override
    public String toString() {
        return description;
    }
}
