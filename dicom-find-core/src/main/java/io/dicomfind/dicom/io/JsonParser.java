package io.dicomfind.dicom.io;

import io.dicomfind.dicom.io.JsonReader.DicomJsonException;
import io.dicomfind.dicom.io.JsonValue.JsonNumber;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) building a tree of {@link JsonValue}s, each remembering its line and column.
 * It knows nothing of DICOM; {@link JsonReader} maps the tree to the DICOM JSON Model (PS3.18 F.2).
 *
 * <p>Bounded, as RFC 8259 section 9 allows a parser to be: nesting deeper than {@code maxNesting} objects and
 * arrays, strings longer than {@code maxString} characters and numbers longer than {@value #MAX_NUMBER_LENGTH}
 * characters are refused, so that the input cannot make it recurse or allocate without limit. Beyond the grammar it
 * refuses duplicate member names in one object (RFC 8259 section 4 says they SHOULD be unique, and the DICOM JSON
 * Model has no meaning for them). Not thread-safe; one instance reads one JSON text.
 */
final class JsonParser {
    /** Longest number text accepted; no VR holds more than a few dozen significant digits. */
    private static final int MAX_NUMBER_LENGTH = 400;

    private final Reader in;
    private final int maxNesting;
    private final int maxString;
    private int line = 1;
    private int column;
    private int peeked = -2;

    private JsonParser(Reader in, int maxNesting, int maxString) {
        this.in = in;
        this.maxNesting = maxNesting;
        this.maxString = maxString;
    }

    /**
     * Parses one JSON text: a single value with optional whitespace around it and nothing after it (RFC 8259
     * section 2).
     */
    static JsonValue parse(Reader in, int maxNesting, int maxString) throws IOException {
        JsonParser p = new JsonParser(in, maxNesting, maxString);
        JsonValue root = p.value(0);
        p.end();
        return root;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int next() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
            column = 0;
        } else if (c >= 0) {
            column++;
        }
        return c;
    }

    /** An error located at the next character to be read. */
    private DicomJsonException error(String message) {
        return new DicomJsonException(message, line, column + 1);
    }

    /** The four insignificant whitespace characters of RFC 8259 section 2. */
    private void skipWhitespace() throws IOException {
        int c;
        while ((c = peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
            next();
        }
    }

    private void end() throws IOException {
        skipWhitespace();
        if (peek() >= 0) {
            throw error("unexpected " + describe(peek()) + " after the end of the JSON value");
        }
    }

    /** A value (RFC 8259 section 3) at the given depth of enclosing objects and arrays. */
    private JsonValue value(int nesting) throws IOException {
        skipWhitespace();
        int l = line;
        int col = column + 1;
        int c = peek();
        if (c < 0) {
            throw error("unexpected end of input, expected a value");
        }
        if (c == '{' || c == '[') {
            if (nesting >= maxNesting) {
                throw error("JSON nested deeper than " + maxNesting + " levels");
            }
            return c == '{' ? new JsonValue(object(nesting + 1), l, col) : new JsonValue(array(nesting + 1), l, col);
        }
        if (c == '"') {
            return new JsonValue(string(), l, col);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return new JsonValue(number(), l, col);
        }
        if (c == 't' || c == 'f' || c == 'n') {
            String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            for (int k = 0; k < word.length(); k++) {
                if (next() != word.charAt(k)) {
                    throw new DicomJsonException("invalid literal, expected " + word, l, col);
                }
            }
            return new JsonValue(c == 'n' ? null : Boolean.valueOf(c == 't'), l, col);
        }
        throw error("unexpected " + describe(c) + ", expected a value");
    }

    /** An object (RFC 8259 section 4), its members in input order. */
    private Map<String, JsonValue> object(int nesting) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (opensEmpty('}')) {
            return members;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describe(peek()) + ", expected a member name in quotes");
            }
            int l = line;
            int col = column + 1;
            String name = string();
            skipWhitespace();
            if (next() != ':') {
                throw error("expected ':' after member name \"" + name + "\"");
            }
            JsonValue v = value(nesting);
            if (members.put(name, v) != null) {
                throw new DicomJsonException("duplicate member \"" + name + "\"", l, col);
            }
        } while (another('}'));
        return members;
    }

    /** An array (RFC 8259 section 5). */
    private List<JsonValue> array(int nesting) throws IOException {
        List<JsonValue> items = new ArrayList<>();
        if (opensEmpty(']')) {
            return items;
        }
        do {
            items.add(value(nesting));
        } while (another(']'));
        return items;
    }

    /** Consumes the opening bracket; true, with the closing one consumed too, if nothing but whitespace is inside. */
    private boolean opensEmpty(char close) throws IOException {
        next();
        skipWhitespace();
        if (peek() == close) {
            next();
            return true;
        }
        return false;
    }

    /** After a member or element: true on the value separator ',', false on the closing bracket. */
    private boolean another(char close) throws IOException {
        skipWhitespace();
        int c = next();
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw error("unexpected " + describe(c) + ", expected ',' or '" + close + "'");
        }
        return true;
    }

    /** A string (RFC 8259 section 7): control characters must be escaped; a {@code u} escape is one UTF-16 unit. */
    private String string() throws IOException {
        next(); // "
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = next();
            if (c < 0) {
                throw error("unterminated string");
            }
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", c) + " in a string must be escaped");
            }
            if (sb.length() >= maxString) {
                throw error("string longer than " + maxString + " characters");
            }
            if (c != '\\') {
                sb.append((char) c);
                continue;
            }
            int e = next();
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(next(), 16);
                        if (d < 0) {
                            throw error("invalid \\u escape: 4 hex digits expected");
                        }
                        v = (v << 4) | d;
                    }
                    sb.append((char) v);
                }
                default -> throw error("invalid escape \\" + (e < 0 ? "" : String.valueOf((char) e)));
            }
        }
    }

    /**
     * A number (RFC 8259 section 6), kept as its text: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}.
     */
    private JsonNumber number() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (peek() == '-') {
            sb.append((char) next());
        }
        if (peek() == '0') {
            sb.append((char) next());
        } else if (peek() >= '1' && peek() <= '9') {
            digits(sb);
        } else {
            throw error("invalid number: digit expected after '-'");
        }
        if (peek() == '.') {
            sb.append((char) next());
            if (!(peek() >= '0' && peek() <= '9')) {
                throw error("invalid number: digit expected after '.'");
            }
            digits(sb);
        }
        if (peek() == 'e' || peek() == 'E') {
            sb.append((char) next());
            if (peek() == '+' || peek() == '-') {
                sb.append((char) next());
            }
            if (!(peek() >= '0' && peek() <= '9')) {
                throw error("invalid number: digit expected in exponent");
            }
            digits(sb);
        }
        int c = peek();
        if ((c >= '0' && c <= '9') || Character.isLetter(c) || c == '.') {
            throw error("invalid number: unexpected " + describe(c));
        }
        return new JsonNumber(sb.toString());
    }

    private void digits(StringBuilder sb) throws IOException {
        while (peek() >= '0' && peek() <= '9') {
            if (sb.length() > MAX_NUMBER_LENGTH) {
                throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            sb.append((char) next());
        }
    }

    private static String describe(int c) {
        if (c < 0) {
            return "end of input";
        }
        return c < 0x20 ? "character U+" + String.format("%04X", c) : "'" + (char) c + "'";
    }
}
