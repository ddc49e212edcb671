package io.dicomfind.dicom.data;

import io.dicomfind.dicom.data.charset.CharsetCodec;
import io.dicomfind.dicom.data.charset.CodeElement;
import io.dicomfind.dicom.data.charset.DefinedTerm;
import io.dicomfind.dicom.data.charset.Iso2022Codec;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character repertoires of (0008,0005) Specific Character Set, PS3.3 C.12.1.1.2 and PS3.5 6.1: how the text
 * values of SH, LO, ST, LT, UT, UC and PN are turned into bytes and back.
 *
 * <ul>
 * <li>Absent or empty: the default repertoire, ISO-IR 6 (ASCII). Bytes above 0x7F, which it does not allow, are
 * read as ISO 8859-1 so that nothing is lost.</li>
 * <li>One single-byte term (ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13, 166): ISO-IR 6 (or for
 * ISO_IR 13, JIS X 0201 Romaji) in G0 and the term's set in G1.</li>
 * <li>Several values or "ISO 2022 ..." terms: ISO 2022 code extensions (PS3.5 6.1.2.5); escape sequences switch
 * among the sets of all values, including IR 87, IR 159 (Japanese), IR 149 (Korean), IR 58 (Chinese).</li>
 * <li>ISO_IR 192 (UTF-8), GB18030, GBK: variable length codes without code extensions.</li>
 * </ul>
 *
 * <p>Terms are matched leniently ({@code ISO_IR 149} for {@code ISO 2022 IR 149}, {@code ISO-IR 100},
 * {@code iso_ir 100}, {@code UTF-8}); unrecognised terms are kept and listed by {@link #unknownTerms()} so callers
 * can warn, and behave as the default repertoire. Decoding never throws; encoding a character that no set holds
 * throws {@link UnencodableCharacterException}, unless the lenient variant is asked for. Instances are immutable and
 * thread safe.
 */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], null);

    private static final int CACHE_LIMIT = 64;
    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();

    private final String[] terms;
    private final DefinedTerm[] definedTerms;
    private final String[] unknownTerms;
    private final Iso2022Codec iso2022;
    private final CharsetCodec variableLength;
    private final boolean codeExtensions;
    private final String name;

    private SpecificCharacterSet(String[] terms, Charset javaCharset) {
        this.terms = terms;
        this.definedTerms = new DefinedTerm[terms.length];
        List<String> unknown = new ArrayList<>();
        DefinedTerm variable = null;
        boolean otherSets = false;
        for (int i = 0; i < terms.length; i++) {
            DefinedTerm t = javaCharset != null ? null : DefinedTerm.lookup(terms[i]);
            definedTerms[i] = t;
            if (t == null && javaCharset == null) {
                unknown.add(terms[i]);
            } else if (t != null && t.isVariableLength()) {
                variable = variable == null ? t : variable;
            } else if (t != null && t != DefinedTerm.ISO_IR_6 && t != DefinedTerm.ISO_2022_IR_6) {
                otherSets = true;
            }
        }
        this.unknownTerms = unknown.toArray(new String[0]);
        this.name = terms.length == 0 ? "ISO_IR 6 (default repertoire)" : String.join("\\", terms);
        if (javaCharset != null) {
            this.variableLength = new CharsetCodec(javaCharset, name);
            this.iso2022 = null;
            this.codeExtensions = false;
        } else if (variable != null && (variable == definedTerms[0] || !otherSets)) {
            // UTF-8, GB18030 and GBK exclude code extensions (PS3.5 6.1.2.5.3 d); where a mistaken
            // (0008,0005) still lists one (e.g. "\\ISO_IR 192"), it is the only reading that makes sense.
            this.variableLength = new CharsetCodec(Charset.forName(variable.javaCharset()), name);
            this.iso2022 = null;
            this.codeExtensions = false;
        } else {
            this.variableLength = null;
            this.iso2022 = iso2022Codec(definedTerms, name);
            this.codeExtensions = terms.length > 1
                    || terms.length == 1 && definedTerms[0] != null && definedTerms[0].codeExtensions();
        }
    }

    /**
     * PS3.5 6.1.2.5.3 c: value 1 gives the initial G0 and G1 (ISO-IR 6 and none if it is empty); all values,
     * value 1 included, may take part in code extension.
     */
    private static Iso2022Codec iso2022Codec(DefinedTerm[] defined, String name) {
        DefinedTerm first = defined.length > 0 ? defined[0] : null;
        boolean singleByteFirst = first != null && first.isSingleByte();
        CodeElement g0 = singleByteFirst ? first.g0() : CodeElement.ISO_IR_6;
        CodeElement g1 = singleByteFirst ? first.g1() : null;
        Set<CodeElement> repertoire = new LinkedHashSet<>();
        repertoire.add(g0);
        if (g1 != null) {
            repertoire.add(g1);
        }
        CodeElement undesignatedG1 = null;
        for (DefinedTerm t : defined) {
            if (t == null || t.isVariableLength()) {
                continue;
            }
            if (t.g0() != null) {
                repertoire.add(t.g0());
            }
            if (t.g1() != null) {
                repertoire.add(t.g1());
                if (undesignatedG1 == null && g1 == null) {
                    undesignatedG1 = t.g1();
                }
            }
        }
        return new Iso2022Codec(g0, g1, undesignatedG1, repertoire.toArray(new CodeElement[0]), name);
    }

    /**
     * The character set for the values of (0008,0005). Instances are cached (a small bounded cache); unknown terms
     * are tolerated and reported by {@link #unknownTerms()}.
     */
    public static SpecificCharacterSet valueOf(String... terms) {
        if (terms == null || terms.length == 0) {
            return DEFAULT;
        }
        String[] cleaned = new String[terms.length];
        boolean allEmpty = true;
        for (int i = 0; i < terms.length; i++) {
            cleaned[i] = clean(terms[i]);
            allEmpty &= cleaned[i].isEmpty();
        }
        if (allEmpty) {
            return DEFAULT;
        }
        String key = String.join("\\", cleaned);
        SpecificCharacterSet cs = CACHE.get(key);
        if (cs == null) {
            cs = new SpecificCharacterSet(cleaned, null);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear(); // data sets rarely use more than a handful of character sets; keep it simple
            }
            CACHE.put(key, cs);
        }
        return cs;
    }

    /** Values of (0008,0005) may carry padding (trailing SPACE, or NUL from careless writers). */
    private static String clean(String term) {
        if (term == null) {
            return "";
        }
        int start = 0;
        int end = term.length();
        while (start < end && (term.charAt(start) == ' ' || term.charAt(start) == '\0')) {
            start++;
        }
        while (end > start && (term.charAt(end - 1) == ' ' || term.charAt(end - 1) == '\0')) {
            end--;
        }
        return term.substring(start, end);
    }

    /**
     * The character set a user names for data sets without (0008,0005): Defined Terms as in (0008,0005)
     * ({@code ISO_IR 100}, several separated by backslash), their common misspellings, or any Java charset name
     * ({@code windows-1252}, {@code Shift_JIS}).
     *
     * @throws IllegalArgumentException naming {@code name} if it is neither
     */
    public static SpecificCharacterSet forFallback(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        String trimmed = name.trim();
        if (trimmed.indexOf('\\') >= 0) {
            SpecificCharacterSet cs = valueOf(trimmed.split("\\\\", -1));
            if (!cs.isKnown()) {
                throw unknownCharacterSet(name);
            }
            return cs;
        }
        DefinedTerm term = DefinedTerm.lookup(trimmed);
        if (term != null) {
            return valueOf(term.term()); // as spelled in PS3.3, so that it compares equal to what SCPs send
        }
        try {
            if (Charset.isSupported(trimmed)) {
                return new SpecificCharacterSet(new String[] {trimmed}, Charset.forName(trimmed));
            }
        } catch (IllegalCharsetNameException e) {
            // fall through to the specific message below
        }
        throw unknownCharacterSet(name);
    }

    private static IllegalArgumentException unknownCharacterSet(String name) {
        return new IllegalArgumentException("Unknown character set '" + name + "': expected Defined Terms of"
                + " Specific Character Set (0008,0005) such as ISO_IR 100, ISO_IR 192, \\ISO 2022 IR 87, or a Java"
                + " charset name");
    }

    /** The Defined Terms of PS3.3 C.12.1.1.2, as they are to be written in (0008,0005). */
    public static String[] definedTerms() {
        List<String> out = new ArrayList<>();
        for (DefinedTerm t : DefinedTerm.values()) {
            if (t != DefinedTerm.ISO_IR_6) {
                out.add(t.term());
            }
        }
        return out.toArray(new String[0]);
    }

    /** The values this character set was made from, as given (padding removed). */
    public String[] terms() {
        return terms.clone();
    }

    /**
     * The values spelled as PS3.3 defines them (e.g. {@code ISO_IR 149} becomes {@code ISO 2022 IR 149}); unknown
     * terms and Java charset names are kept as given.
     */
    public String[] canonicalTerms() {
        String[] out = new String[terms.length];
        for (int i = 0; i < terms.length; i++) {
            DefinedTerm t = definedTerms[i];
            // an ISO-IR 6 value 1 of a multi-valued (0008,0005) is written empty (PS3.3 C.12.1.1.2)
            out[i] = t == null ? terms[i] : t == DefinedTerm.ISO_IR_6 && i == 0 && terms.length > 1 ? "" : t.term();
        }
        return out;
    }

    /** Terms that name no known character set; they were treated as the default repertoire. */
    public String[] unknownTerms() {
        return unknownTerms.clone();
    }

    /** True if every term was recognised. */
    public boolean isKnown() {
        return unknownTerms.length == 0;
    }

    /** True if code extensions apply: (0008,0005) multi-valued, or an "ISO 2022 ..." term (PS3.5 6.1.2.5.3 c). */
    public boolean isIso2022() {
        return codeExtensions;
    }

    /** True for ISO_IR 192 (and a UTF-8 fallback). */
    public boolean isUtf8() {
        return variableLength != null && "UTF-8".equals(variableLength.charset().name());
    }

    /** True if {@code bytes} need no character set at all: no byte above 0x7F and no ESC. */
    public static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0 || b == 0x1B) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code s} has a character outside ISO-IR 6 (above U+007F), i.e. depends on the character set. */
    public static boolean containsNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** Decodes a text value (all its values, with their backslashes); never throws. */
    public String decode(byte[] bytes, VR vr) {
        if (bytes == null) {
            return null;
        }
        return iso2022 != null ? iso2022.decode(bytes, vr) : variableLength.decode(bytes);
    }

    /**
     * Encodes a text value (all its values, joined by backslash where the VR allows several).
     *
     * @throws UnencodableCharacterException naming the character and this character set if none of its
     *                                       repertoires holds a character
     */
    public byte[] encode(String value, VR vr) {
        return encode(value, vr, false);
    }

    /** Like {@link #encode(String, VR)}; with {@code lenient}, characters that cannot be encoded become '?'. */
    public byte[] encode(String value, VR vr, boolean lenient) {
        return iso2022 != null ? iso2022.encode(value, vr, lenient) : variableLength.encode(value, lenient);
    }

    /** True if {@link #encode(String, VR)} would not throw. */
    public boolean canEncode(String value, VR vr) {
        return iso2022 != null ? iso2022.canEncode(value, vr) : variableLength.firstUnencodable(value) < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms)
                && (iso2022 == null) == (other.iso2022 == null)
                && (variableLength == null || other.variableLength.charset().equals(variableLength.charset()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    /** The values joined by backslash, as in (0008,0005); for the default, a description. */
    @Override
    public String toString() {
        return name;
    }
}
