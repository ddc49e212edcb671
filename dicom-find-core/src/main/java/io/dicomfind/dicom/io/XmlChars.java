package io.dicomfind.dicom.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;

/**
 * What XML 1.0 can carry (XML 1.0 2.2, production Char: TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, and the
 * supplementary planes as surrogate pairs) and base64 written in bounded chunks, for the XML writers.
 */
final class XmlChars {
    /** Bytes per base64 chunk: a multiple of 3, so that only the last chunk is padded. */
    private static final int CHUNK = 3 * 1024;

    private XmlChars() {
    }

    /**
     * True if {@code s} can be written as XML 1.0 character data without losing anything: every character a legal
     * XML Char, and no U+FFFD (the mark of bytes that did not decode in the value's character set, whose original
     * bytes only a binary form keeps).
     */
    static boolean carries(String s) {
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == 0 || s.charAt(n - 1) == ' ')) {
            n--; // padding (PS3.5 6.2, NUL for UI) is not written
        }
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r' || c >= 0xE000 && c < 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
                continue;
            }
            return false;
        }
        return true;
    }

    /** {@code b} in base64 (RFC 4648 section 4, as PS3.19 InlineBinary and DCMTK's {@code binary="base64"}). */
    static void base64(byte[] b, Writer out) throws IOException {
        Base64.Encoder enc = Base64.getEncoder();
        for (int off = 0; off < b.length; off += CHUNK) {
            int len = Math.min(CHUNK, b.length - off);
            byte[] part = new byte[len];
            System.arraycopy(b, off, part, 0, len);
            out.write(enc.encodeToString(part));
        }
    }
}
