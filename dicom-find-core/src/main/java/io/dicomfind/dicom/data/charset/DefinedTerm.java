package io.dicomfind.dicom.data.charset;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Defined Terms of (0008,0005) Specific Character Set, PS3.3 C.12.1.1.2 Tables C.12-2 to C.12-5, with the code
 * elements each one puts into G0 and G1.
 *
 * <p>{@link #lookup(String)} also accepts the misspellings met in the field: {@code ISO_IR 149} for
 * {@code ISO 2022 IR 149} (likewise 87, 159, 58), hyphens for underscores, missing or extra spaces, lower case,
 * {@code UTF-8}, and Java names of the ISO 8859 charsets.
 */
public enum DefinedTerm {
    /** The default repertoire; (0008,0005) absent or its first value empty. Not itself a Defined Term. */
    ISO_IR_6("ISO_IR 6", false, CodeElement.ISO_IR_6, null, null),
    ISO_IR_100("ISO_IR 100", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_100, null),
    ISO_IR_101("ISO_IR 101", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_101, null),
    ISO_IR_109("ISO_IR 109", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_109, null),
    ISO_IR_110("ISO_IR 110", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_110, null),
    ISO_IR_144("ISO_IR 144", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_144, null),
    ISO_IR_127("ISO_IR 127", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_127, null),
    ISO_IR_126("ISO_IR 126", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_126, null),
    ISO_IR_138("ISO_IR 138", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_138, null),
    ISO_IR_148("ISO_IR 148", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_148, null),
    ISO_IR_203("ISO_IR 203", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_203, null),
    ISO_IR_13("ISO_IR 13", false, CodeElement.ISO_IR_14, CodeElement.ISO_IR_13, null),
    ISO_IR_166("ISO_IR 166", false, CodeElement.ISO_IR_6, CodeElement.ISO_IR_166, null),

    ISO_2022_IR_6("ISO 2022 IR 6", true, CodeElement.ISO_IR_6, null, null),
    ISO_2022_IR_100("ISO 2022 IR 100", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_100, null),
    ISO_2022_IR_101("ISO 2022 IR 101", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_101, null),
    ISO_2022_IR_109("ISO 2022 IR 109", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_109, null),
    ISO_2022_IR_110("ISO 2022 IR 110", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_110, null),
    ISO_2022_IR_144("ISO 2022 IR 144", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_144, null),
    ISO_2022_IR_127("ISO 2022 IR 127", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_127, null),
    ISO_2022_IR_126("ISO 2022 IR 126", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_126, null),
    ISO_2022_IR_138("ISO 2022 IR 138", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_138, null),
    ISO_2022_IR_148("ISO 2022 IR 148", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_148, null),
    ISO_2022_IR_203("ISO 2022 IR 203", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_203, null),
    ISO_2022_IR_13("ISO 2022 IR 13", true, CodeElement.ISO_IR_14, CodeElement.ISO_IR_13, null),
    ISO_2022_IR_166("ISO 2022 IR 166", true, CodeElement.ISO_IR_6, CodeElement.ISO_IR_166, null),
    ISO_2022_IR_87("ISO 2022 IR 87", true, CodeElement.ISO_IR_87, null, null),
    ISO_2022_IR_159("ISO 2022 IR 159", true, CodeElement.ISO_IR_159, null, null),
    ISO_2022_IR_149("ISO 2022 IR 149", true, null, CodeElement.ISO_IR_149, null),
    ISO_2022_IR_58("ISO 2022 IR 58", true, null, CodeElement.ISO_IR_58, null),

    ISO_IR_192("ISO_IR 192", false, null, null, "UTF-8"),
    GB18030("GB18030", false, null, null, "GB18030"),
    GBK("GBK", false, null, null, "GBK");

    private static final Map<String, DefinedTerm> BY_KEY = new HashMap<>();

    static {
        for (DefinedTerm t : values()) {
            BY_KEY.put(key(t.term), t);
        }
        BY_KEY.put("", ISO_IR_6);
        // The double-byte sets exist only with code extensions; "ISO_IR 149" etc. are common misspellings.
        BY_KEY.put("ISOIR87", ISO_2022_IR_87);
        BY_KEY.put("ISOIR159", ISO_2022_IR_159);
        BY_KEY.put("ISOIR149", ISO_2022_IR_149);
        BY_KEY.put("ISOIR58", ISO_2022_IR_58);
        BY_KEY.put("ISO2022IR192", ISO_IR_192);
        BY_KEY.put("UTF8", ISO_IR_192);
        BY_KEY.put("GB2312", ISO_2022_IR_58);
        BY_KEY.put("EUCKR", ISO_2022_IR_149);
        BY_KEY.put("USASCII", ISO_IR_6);
        BY_KEY.put("ASCII", ISO_IR_6);
        BY_KEY.put("TIS620", ISO_IR_166);
        String[][] iso8859 = {{"1", "100"}, {"2", "101"}, {"3", "109"}, {"4", "110"}, {"5", "144"}, {"6", "127"},
            {"7", "126"}, {"8", "138"}, {"9", "148"}, {"15", "203"}, {"11", "166"}};
        for (String[] p : iso8859) {
            BY_KEY.put("ISO8859" + p[0], BY_KEY.get("ISOIR" + p[1]));
        }
        BY_KEY.put("LATIN1", ISO_IR_100);
    }

    private final String term;
    private final boolean codeExtensions;
    private final CodeElement g0;
    private final CodeElement g1;
    private final String javaCharset;

    DefinedTerm(String term, boolean codeExtensions, CodeElement g0, CodeElement g1, String javaCharset) {
        this.term = term;
        this.codeExtensions = codeExtensions;
        this.g0 = g0;
        this.g1 = g1;
        this.javaCharset = javaCharset;
    }

    /** The Defined Term as PS3.3 spells it. */
    public String term() {
        return term;
    }

    /** True for the "ISO 2022 ..." terms: the ones that allow code extensions (PS3.3 Tables C.12-3, C.12-4). */
    public boolean codeExtensions() {
        return codeExtensions;
    }

    /** The set this term puts into G0, or null if it designates none there (IR 149, IR 58, non-ISO 2022 sets). */
    public CodeElement g0() {
        return g0;
    }

    /** The set this term puts into G1, or null. */
    public CodeElement g1() {
        return g1;
    }

    /** For ISO_IR 192, GB18030, GBK: the JDK charset; these cannot be combined with code extensions. */
    public String javaCharset() {
        return javaCharset;
    }

    /** True for ISO_IR 192, GB18030 and GBK: variable length codes outside ISO 2022 (PS3.5 6.1.2.5.3 d). */
    public boolean isVariableLength() {
        return javaCharset != null;
    }

    /** True where the term can serve as the first value: a single-byte set that gives the initial G0 and G1. */
    public boolean isSingleByte() {
        return javaCharset == null && g0 != null && !g0.isDoubleByte();
    }

    /** The Defined Term for a value of (0008,0005), tolerating common misspellings; null if unrecognised. */
    public static DefinedTerm lookup(String value) {
        return value == null ? null : BY_KEY.get(key(value));
    }

    /** Case, spaces, underscores and hyphens carry no meaning in the misspellings met in practice. */
    private static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\0') {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
