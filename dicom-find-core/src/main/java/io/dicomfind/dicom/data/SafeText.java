package io.dicomfind.dicom.data;

/**
 * The one escaping scheme for peer text shown on a terminal or in a log line (CWE-117, terminal escape injection):
 * dumps, log and error messages. Ordinary text, DICOM's backslash value separator included, is shown unchanged;
 * what could act on a terminal, start a new log line or hide text is shown visibly and reversibly:
 * <ul>
 * <li>{@code \}{@code uHHHH}: the character U+HHHH of decoded text: C0 controls (TAB only where the VR allows it:
 *     LT, ST, UT, UC), DEL, C1 controls, LINE and PARAGRAPH SEPARATOR, the bidirectional marks, embeddings,
 *     overrides and isolates (U+200E/F, U+202A-E, U+2066-9), unpaired surrogates;</li>
 * <li>{@code \xHH}: a byte of a value that is not valid in its character set, shown byte by byte: printable ASCII
 *     as itself, every other byte escaped (such a value holds no {@code \}{@code u} escape);</li>
 * <li>a backslash followed by what would read as one of these escapes ({@code u} and 4 hex digits, {@code x} and
 *     2) is itself escaped ({@code \}{@code u005C} or {@code \x5C}); any other backslash (DICOM's value
 *     separator) is literal.</li>
 * </ul>
 * Examples (docs/robustness.md): {@code DOE^JOHN<ESC>[31m} is shown {@code DOE^JOHN\}{@code u001B[31m}; a value
 * with a line feed {@code A<LF>B} is shown {@code A\}{@code u000AB}; the bytes {@code 41 FF 42} in UTF-8 are shown
 * {@code A\xFFB}.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SafeText() {
    }

    /** {@code s} escaped for a log line (TAB escaped too); {@code s} itself when nothing needs escaping. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (isSafe(s, 0, n, false)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16);
        appendEscaped(sb, s, 0, n, false);
        return sb.toString();
    }

    /**
     * Only the characters that must not reach a terminal escaped, backslashes left alone: for a line that may
     * already hold escaped text (a log line built from escaped parts), where escaping again would double them.
     */
    public static String escapeControls(String s) {
        int n = s.length();
        int k = 0;
        while (k < n && !control(s, k, n)) {
            k++;
        }
        if (k == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, k);
        for (; k < n; k++) {
            char c = s.charAt(k);
            if (control(s, k, n)) {
                sb.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 15]).append(HEX[(c >>> 4) & 15])
                        .append(HEX[c & 15]);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** TAB and NUL (UI padding, PS3.5 6.2) act on no terminal and split no line: left to the last line of defence. */
    private static boolean control(CharSequence s, int k, int n) {
        return s.charAt(k) != 0 && needsEscape(s, k, n, true);
    }

    /** Whether {@link #appendEscaped} would change anything in {@code s[from, to)}. */
    public static boolean isSafe(CharSequence s, int from, int to, boolean keepTab) {
        for (int k = from; k < to; k++) {
            if (needsEscape(s, k, to, keepTab) || s.charAt(k) == '\\' && backslashNeedsEscape(s, k, to)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends decoded text with the characters that must not reach a terminal escaped as {@code \}{@code uHHHH};
     * {@code keepTab}: TAB is shown as itself (the VR allows it, PS3.5 6.2: LT, ST, UT, UC).
     */
    public static void appendEscaped(StringBuilder sb, CharSequence s, int from, int to, boolean keepTab) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (needsEscape(s, k, to, keepTab) || c == '\\' && backslashNeedsEscape(s, k, to)) {
                sb.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 15]).append(HEX[(c >>> 4) & 15])
                        .append(HEX[c & 15]);
            } else {
                sb.append(c);
                if (Character.isHighSurrogate(c) && k + 1 < to) {
                    sb.append(s.charAt(++k)); // the pair is valid: needsEscape checked it
                }
            }
        }
    }

    /**
     * Appends the bytes {@code raw[from, to)} of a value that is not valid in its character set: printable ASCII as
     * itself, every other byte as {@code \xHH}; at most {@code maxChars} characters (then the return value is less
     * than {@code to}: the first byte not shown).
     */
    public static int appendBytes(StringBuilder sb, byte[] raw, int from, int to, int maxChars) {
        int start = sb.length();
        for (int k = from; k < to; k++) {
            int b = raw[k] & 0xFF;
            boolean literal = b >= 0x20 && b < 0x7F && !(b == '\\' && backslashNeedsEscape(raw, k, to));
            if (maxChars >= 0 && sb.length() - start + (literal ? 1 : 4) > maxChars) {
                return k;
            }
            if (literal) {
                sb.append((char) b);
            } else {
                sb.append("\\x").append(HEX[b >>> 4]).append(HEX[b & 15]);
            }
        }
        return to;
    }

    private static boolean needsEscape(CharSequence s, int k, int to, boolean keepTab) {
        char c = s.charAt(k);
        if (c < 0x20) {
            return c != '\t' || !keepTab;
        }
        if (c < 0x7F) {
            return false;
        }
        if (c <= 0x9F) {
            return true; // DEL and C1 (CSI 0x9B starts a terminal control sequence)
        }
        if (c < 0x200E) {
            return false;
        }
        if (c == 0x200E || c == 0x200F || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return k + 1 >= to || !Character.isLowSurrogate(s.charAt(k + 1));
        }
        return Character.isLowSurrogate(c); // a low surrogate reached here is unpaired
    }

    /** A literal backslash is escaped only where it would read as {@code \}{@code uHHHH} or {@code \xHH}. */
    private static boolean backslashNeedsEscape(CharSequence s, int k, int to) {
        if (k + 1 >= to) {
            return false;
        }
        char next = s.charAt(k + 1);
        int digits = next == 'u' ? 4 : next == 'x' ? 2 : 0;
        if (digits == 0 || k + 1 + digits >= to) {
            return false;
        }
        for (int d = k + 2; d < k + 2 + digits; d++) {
            if (Character.digit(s.charAt(d), 16) < 0 || s.charAt(d) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean backslashNeedsEscape(byte[] raw, int k, int to) {
        int next = k + 1 < to ? raw[k + 1] : 0;
        int digits = next == 'u' ? 4 : next == 'x' ? 2 : 0;
        if (digits == 0 || k + 1 + digits >= to) {
            return false;
        }
        for (int d = k + 2; d < k + 2 + digits; d++) {
            if (Character.digit(raw[d], 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
