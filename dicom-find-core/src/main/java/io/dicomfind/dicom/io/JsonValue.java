package io.dicomfind.dicom.io;

import io.dicomfind.dicom.io.JsonReader.DicomJsonException;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed JSON text (RFC 8259 section 3) with the line and column where it began, so that an error
 * found later, while mapping the tree to DICOM (PS3.18 F.2), can still point at the offending place in the input.
 *
 * <p>{@link #value} is a {@code Map<String, JsonValue>} (object, members in input order), a {@code List<JsonValue>}
 * (array), a {@link String}, a {@link JsonNumber}, a {@link Boolean}, or {@code null} for the literal {@code null}.
 */
final class JsonValue {
    /**
     * The text of a JSON number (RFC 8259 section 6), not a converted value: IS and DS values keep their digits
     * (PS3.18 F.2.3), and each VR decides its own range and precision.
     */
    record JsonNumber(String text) {
    }

    final Object value;
    final int line;
    final int column;

    JsonValue(Object value, int line, int column) {
        this.value = value;
        this.line = line;
        this.column = column;
    }

    /** An error located at the start of this value. */
    DicomJsonException error(String message) {
        return new DicomJsonException(message, line, column);
    }

    /** The JSON type, as error messages name it: "an object", "a string", ... */
    String kind() {
        return value == null ? "null" : value instanceof Map ? "an object" : value instanceof List ? "an array"
                : value instanceof String ? "a string" : value instanceof JsonNumber ? "a number" : "a boolean";
    }

    /** A string quoted with its text, anything else by its {@link #kind()}. */
    String describe() {
        return value instanceof String s ? "\"" + s + "\"" : kind();
    }
}
