package io.dicomfind.dicom.net.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A streaming RFC 8259 validator for test files of any size: strict UTF-8 (section 8.1, malformed bytes refused),
 * the grammar of sections 2-7 exactly (no NaN, no trailing commas, no control characters in strings, escapes
 * checked), one value and nothing after it. It keeps only a nesting depth, so a JSON file of tens of megabytes is
 * checked in a 64 MiB heap.
 */
public final class StrictJson {
    private final Reader in;
    private int c;
    private long pos;

    private StrictJson(Reader in) throws IOException {
        this.in = in;
        next();
    }

    /** Throws AssertionError naming the file, offset and problem unless {@code f} is one valid JSON text. */
    public static void check(Path f) throws IOException {
        try (Reader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            StrictJson p = new StrictJson(r);
            p.ws();
            p.value(0);
            p.ws();
            if (p.c != -1) {
                throw p.fail("text after the JSON value");
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new AssertionError(f + " is not valid UTF-8 (RFC 8259 8.1): " + e);
        } catch (IllegalStateException e) {
            throw new AssertionError(f + " is not valid JSON: " + e.getMessage());
        }
    }

    private void next() throws IOException {
        c = in.read();
        pos++;
    }

    private IllegalStateException fail(String what) {
        return new IllegalStateException(what + " at character " + pos + " ('" + (c < 0 ? "EOF" : (char) c) + "')");
    }

    private void ws() throws IOException {
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            next();
        }
    }

    private void expect(char x) throws IOException {
        if (c != x) {
            throw fail("expected '" + x + "'");
        }
        next();
    }

    private void value(int depth) throws IOException {
        if (depth > 1000) {
            throw fail("nesting too deep");
        }
        switch (c) {
            case '{' -> elements('}', true, depth);
            case '[' -> elements(']', false, depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** The members of an object ({@code named}) or the elements of an array, after the opening bracket. */
    private void elements(char close, boolean named, int depth) throws IOException {
        next();
        ws();
        if (c == close) {
            next();
            return;
        }
        while (true) {
            ws();
            if (named) {
                string();
                ws();
                expect(':');
                ws();
            }
            value(depth + 1);
            ws();
            if (c != ',') {
                expect(close);
                return;
            }
            next();
        }
    }

    private void literal(String word) throws IOException {
        for (int k = 0; k < word.length(); k++) {
            expect(word.charAt(k));
        }
    }

    private void string() throws IOException {
        expect('"');
        while (c != '"') {
            if (c < 0x20) {
                throw fail(c < 0 ? "unterminated string" : "unescaped control character in a string");
            }
            if (c == '\\') {
                next();
                if (c == 'u') {
                    for (int k = 0; k < 4; k++) {
                        next();
                        if (Character.digit(c, 16) < 0) {
                            throw fail("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(c) < 0) {
                    throw fail("bad escape");
                }
            }
            next();
        }
        next();
    }

    private void number() throws IOException {
        if (c == '-') {
            next();
        }
        if (c == '0') {
            next();
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw fail("not a JSON value");
        }
        if (c == '.') {
            next();
            digits();
        }
        if (c == 'e' || c == 'E') {
            next();
            if (c == '+' || c == '-') {
                next();
            }
            digits();
        }
    }

    private void digits() throws IOException {
        if (c < '0' || c > '9') {
            throw fail("digit expected");
        }
        while (c >= '0' && c <= '9') {
            next();
        }
    }
}
