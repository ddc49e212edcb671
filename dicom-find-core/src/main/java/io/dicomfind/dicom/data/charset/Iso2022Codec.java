package io.dicomfind.dicom.data.charset;

import io.dicomfind.dicom.data.UnencodableCharacterException;
import io.dicomfind.dicom.data.VR;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text in the single-byte character sets and in ISO 2022 with code extensions (PS3.5 6.1.2.5).
 *
 * <p>The initial G0 and G1 come from value 1 of (0008,0005) (ISO-IR 6 in G0 and G1 undefined if it is empty) and
 * are restored at the start of each value, before CR, LF, FF and TAB, and, for PN, at the component delimiters
 * {@code ^} and {@code =} (PS3.5 6.1.2.5.3, Annexes H, I, K). Decoding never fails: unknown or truncated escape
 * sequences and invalid double-byte codes become U+FFFD; bytes of GR while G1 is undefined are read as
 * ISO 8859-1 so that nothing is lost.
 */
public final class Iso2022Codec {
    static final int ESC = 0x1B;
    private static final char REPLACEMENT = '\uFFFD';

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    /** Read GR with this while G1 is undefined: raw KS X 1001 / GB 2312 without escapes is common in practice. */
    private final CodeElement undesignatedG1;
    /** The sets to encode with, in the order of the values of (0008,0005). */
    private final CodeElement[] repertoire;
    private final String name;

    public Iso2022Codec(CodeElement initialG0, CodeElement initialG1, CodeElement undesignatedG1,
            CodeElement[] repertoire, String name) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.undesignatedG1 = undesignatedG1;
        this.repertoire = repertoire.clone();
        this.name = name;
    }

    public CodeElement initialG0() {
        return initialG0;
    }

    public CodeElement initialG1() {
        return initialG1;
    }

    // ---------------------------------------------------------------- decoding

    public String decode(byte[] b, VR vr) {
        int len = b.length;
        if (initialG0 == CodeElement.ISO_IR_6 && isPlainAscii(b)) {
            return new String(b, StandardCharsets.ISO_8859_1); // fast path: one intrinsic copy
        }
        boolean multiValued = vr == null || !vr.isSingleValuedText();
        boolean pn = vr == VR.PN;
        char[] out = new char[len];
        int n = 0;
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int i = 0;
        while (i < len) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                int end = escapeEnd(b, i);
                if (end < 0) {
                    out[n++] = REPLACEMENT; // ESC not followed by a complete sequence: drop ESC alone
                    i++;
                    continue;
                }
                CodeElement e = CodeElement.forEscape(b, i + 1, end - 1, b[end - 1] & 0xFF);
                if (e == null) {
                    out[n++] = REPLACEMENT;
                } else if (CodeElement.registerOfEscape(b, i + 1, end - 1) == 0) {
                    g0 = e;
                } else {
                    g1 = e;
                }
                i = end;
            } else if (c < 0x20 || c == 0x7F) {
                out[n++] = (char) c;
                if (c == '\r' || c == '\n' || c == '\f' || c == '\t') {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
            } else if (c < 0x80) {
                if (c == 0x20) {
                    out[n++] = ' ';
                    i++;
                } else if (g0.isDoubleByte()) {
                    int c2 = i + 1 < len ? b[i + 1] & 0xFF : 0;
                    char ch = c2 > 0x20 && c2 < 0x7F ? g0.decode(c, c2) : '\0';
                    if (ch == '\0') {
                        out[n++] = REPLACEMENT;
                        i += c2 > 0x20 && c2 < 0x7F ? 2 : 1;
                    } else {
                        out[n++] = ch;
                        i += 2;
                    }
                } else if (g0 == CodeElement.ISO_IR_6 || g0 == CodeElement.ISO_IR_14) {
                    boolean delimiter = c == '\\' && multiValued || pn && (c == '^' || c == '=');
                    // ISO-IR 14 has YEN SIGN at 05/12, but in SH, LO, PN, UC it is the value delimiter (PS3.5 H.1.1)
                    out[n++] = c == '\\' && multiValued ? '\\' : g0.decode(c, 0);
                    if (delimiter) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                    i++;
                } else {
                    char ch = g0.size() == CodeElement.Size.CS96 ? '\0' : g0.decode(c, 0);
                    out[n++] = ch == '\0' ? REPLACEMENT : ch;
                    i++;
                }
            } else if (c < 0xA0) {
                out[n++] = (char) c; // C1 controls: keep as ISO 8859-1 does
                i++;
            } else {
                CodeElement e = g1 != null ? g1 : undesignatedG1;
                if (e == null) {
                    out[n++] = (char) c; // G1 undefined: ISO 8859-1, lossless
                    i++;
                } else if (e.isDoubleByte()) {
                    int c2 = i + 1 < len ? b[i + 1] & 0xFF : 0;
                    boolean pair = c != 0xFF && c2 > 0xA0 && c2 < 0xFF;
                    char ch = pair ? e.decode(c & 0x7F, c2 & 0x7F) : '\0';
                    out[n++] = ch == '\0' ? REPLACEMENT : ch;
                    i += pair ? 2 : 1;
                } else {
                    char ch = e.size() == CodeElement.Size.CS94 && (c == 0xA0 || c == 0xFF) ? '\0'
                            : e.decode(c & 0x7F, 0);
                    out[n++] = ch == '\0' ? REPLACEMENT : ch;
                    i++;
                }
            }
        }
        return new String(out, 0, n);
    }

    private static boolean isPlainAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0 || x == ESC) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index after the escape sequence that starts at {@code i}, or -1 if it is incomplete. ISO 2022 13.1:
     * ESC, any number of intermediate bytes 02/00..02/15, one final byte 03/00..07/14.
     */
    private static int escapeEnd(byte[] b, int i) {
        int j = i + 1;
        while (j < b.length && b[j] >= 0x20 && b[j] <= 0x2F) {
            j++;
        }
        if (j < b.length && b[j] >= 0x30 && b[j] <= 0x7E && j - i <= 4) {
            return j + 1;
        }
        return -1;
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Encodes each character with the first set, in the order of the values of (0008,0005), that holds it,
     * designating sets as needed; returns to the initial G0 before delimiters and at the end (PS3.5 6.1.2.5.3).
     *
     * @param lenient replace characters no set holds with {@code ?} instead of throwing
     * @throws UnencodableCharacterException if not lenient and a character is in none of the sets
     */
    public byte[] encode(String s, VR vr, boolean lenient) {
        int len = s.length();
        if (initialG0 == CodeElement.ISO_IR_6 && isAsciiText(s)) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        boolean multiValued = vr == null || !vr.isSingleValuedText();
        boolean pn = vr == VR.PN;
        byte[] out = new byte[len * 2 + 8];
        int n = 0;
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        // G1 as last designated in the bytes; a reader that does not reset G1 at delimiters still reads it right
        CodeElement designatedG1 = initialG1;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (out.length - n < 12) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            boolean control = c < 0x20 || c == 0x7F;
            boolean delimiter = control && (c == '\r' || c == '\n' || c == '\f' || c == '\t')
                    || c == '\\' && multiValued || pn && (c == '^' || c == '=');
            if (delimiter) {
                if (g0 != initialG0) {
                    n = put(out, n, initialG0.designation());
                    g0 = initialG0;
                }
                g1 = initialG1;
                out[n++] = (byte) c;
                continue;
            }
            if (control) {
                out[n++] = (byte) c;
                continue;
            }
            CodeElement e = null;
            int code = -1;
            for (CodeElement candidate : repertoire) {
                code = codeOf(candidate, c, multiValued);
                if (code >= 0) {
                    e = candidate;
                    break;
                }
            }
            if (e == null) {
                if (!lenient) {
                    throw new UnencodableCharacterException(s, i, name);
                }
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
                e = initialG0; // always ISO-IR 6 or ISO-IR 14, both with QUESTION MARK at 03/15
                code = '?';
            }
            if (e.register() == 0) {
                if (g0 != e) {
                    n = put(out, n, e.designation());
                    g0 = e;
                }
                if (e.isDoubleByte()) {
                    out[n++] = (byte) (code >> 8);
                }
                out[n++] = (byte) (code & 0x7F);
            } else {
                if (g1 != e || designatedG1 != e) {
                    n = put(out, n, e.designation());
                    g1 = e;
                    designatedG1 = e;
                }
                if (e.isDoubleByte()) {
                    out[n++] = (byte) ((code >> 8) | 0x80);
                }
                out[n++] = (byte) ((code & 0x7F) | 0x80);
            }
        }
        if (g0 != initialG0) {
            if (out.length - n < 4) {
                out = Arrays.copyOf(out, n + 4);
            }
            n = put(out, n, initialG0.designation());
        }
        return Arrays.copyOf(out, n);
    }

    /** True if every character of {@code s} is held by {@link #repertoire}. */
    public boolean canEncode(String s, VR vr) {
        boolean multiValued = vr == null || !vr.isSingleValuedText();
        outer:
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\' && multiValued) {
                continue;
            }
            for (CodeElement e : repertoire) {
                if (codeOf(e, c, multiValued) >= 0) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** The code of {@code c} in {@code e}; ISO-IR 14 holds YEN SIGN only where 05/12 is no delimiter. */
    private static int codeOf(CodeElement e, char c, boolean multiValued) {
        if (e == CodeElement.ISO_IR_14 && (c == '\u00A5' && multiValued)) {
            return -1;
        }
        return e.encode(c);
    }

    private static boolean isAsciiText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == ESC) {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] out, int n, byte[] bytes) {
        System.arraycopy(bytes, 0, out, n, bytes.length);
        return n + bytes.length;
    }
}
