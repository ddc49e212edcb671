package io.dicomfind.dicom.data.charset;

import io.dicomfind.dicom.data.UnencodableCharacterException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text in a character set outside ISO 2022: ISO_IR 192 (UTF-8), GB18030 and GBK (PS3.5 6.1.2.5.3 d), or a JDK
 * charset chosen by the user as fallback. No escape sequences; malformed input decodes to U+FFFD.
 */
public final class CharsetCodec {
    private final Charset charset;
    private final boolean asciiCompatible;
    private final boolean encodesAll;
    private final String name;

    public CharsetCodec(Charset charset, String name) {
        this.charset = charset;
        this.name = name;
        this.asciiCompatible = "abcXYZ019^=\\ \r\n".equals(
                new String("abcXYZ019^=\\ \r\n".getBytes(StandardCharsets.US_ASCII), charset));
        String n = charset.name();
        this.encodesAll = n.equals("UTF-8") || n.equals("GB18030") || n.startsWith("UTF-");
    }

    public Charset charset() {
        return charset;
    }

    public String decode(byte[] b) {
        if (asciiCompatible && isAscii(b)) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return new String(b, charset);
    }

    public byte[] encode(String s, boolean lenient) {
        int bad = firstUnencodable(s);
        if (bad < 0) {
            return s.getBytes(charset);
        }
        if (!lenient) {
            throw new UnencodableCharacterException(s, bad, name);
        }
        CharsetEncoder enc = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** The index of the first character the charset cannot hold (lone surrogates included), or -1. */
    public int firstUnencodable(String s) {
        CharsetEncoder enc = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && asciiCompatible) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (!encodesAll) {
                    if (enc == null) {
                        enc = charset.newEncoder();
                    }
                    if (!enc.canEncode(s.substring(i, i + 2))) {
                        return i;
                    }
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return i;
            }
            if (!encodesAll) {
                if (enc == null) {
                    enc = charset.newEncoder();
                }
                if (!enc.canEncode(c)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }
}
