package io.dicomfind.peers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The harness's own, deliberately small mapping from Specific Character Set (0008,0005) defined terms to Java
 * charsets (PS3.3 C.12.1.1.2, PS3.5 6.1). It is independent of the component's {@code SpecificCharacterSet} so that
 * the oracle does not share code (or bugs) with what it checks.
 *
 * <p>Why not {@code dcmdump +U8}: DCMTK 3.6.7 on Debian converts through glibc iconv, which rejects
 * {@code ISO 2022 IR 87} ("not supported by the utilized character set conversion library"), and {@code +U8} also
 * rewrites (0008,0005) to {@code ISO_IR 192}, losing what the peer declared. So dcmdump prints the raw bytes and the
 * harness decodes them here.
 */
public final class HarnessCharsets {

    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("", "ISO-8859-1"), Map.entry("ISO_IR 6", "ISO-8859-1"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO_IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO_IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private HarnessCharsets() {
    }

    /**
     * The Java charset for the value of (0008,0005) as printed by dcmdump (values separated by {@code \}). The default
     * repertoire maps to ISO-8859-1, a lossless byte-to-char mapping, so stray non-ASCII bytes stay visible.
     *
     * @throws IllegalArgumentException for a combination the harness does not decode
     */
    public static Charset forSpecificCharacterSet(String value) {
        List<String> terms = Arrays.stream(value.split("\\\\", -1)).map(String::trim).toList();
        boolean iso2022 = terms.stream().anyMatch(t -> t.startsWith("ISO 2022"));
        if (!iso2022) {
            if (terms.size() != 1 || !SINGLE.containsKey(terms.get(0))) {
                throw new IllegalArgumentException("harness cannot decode Specific Character Set [" + value + "]");
            }
            return Charset.forName(SINGLE.get(terms.get(0)));
        }
        // Code extensions (PS3.5 6.1.2.5): the harness decodes the Japanese ones, which is what the corpus uses.
        for (String t : terms) {
            if (!t.isEmpty() && !List.of("ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159").contains(t)) {
                throw new IllegalArgumentException("harness cannot decode Specific Character Set [" + value
                        + "] (term " + t + ")");
            }
        }
        return Charset.forName("ISO-2022-JP-2");
    }

    /** The Java charset used to WRITE values for a defined term in generated data (null or empty: ASCII). */
    public static Charset forWriting(String specificCharacterSet) {
        if (specificCharacterSet == null || specificCharacterSet.isEmpty()) {
            return StandardCharsets.US_ASCII;
        }
        if (specificCharacterSet.contains("ISO 2022 IR 87")) {
            return Charset.forName("ISO-2022-JP");
        }
        return forSpecificCharacterSet(specificCharacterSet);
    }
}
