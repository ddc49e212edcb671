package io.dicomfind.dicom.data;

import java.nio.charset.StandardCharsets;

/**
 * STUB (to be completed): the character repertoires of (0008,0005) Specific Character Set, PS3.3 C.12.1.1.2 and
 * PS3.5 6.1. This placeholder handles only the default repertoire and ISO_IR 192.
 */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0]);

    private final String[] terms;

    private SpecificCharacterSet(String[] terms) {
        this.terms = terms;
    }

    /** The character set for the values of (0008,0005); unknown terms are tolerated. */
    public static SpecificCharacterSet valueOf(String... terms) {
        return terms == null || terms.length == 0 ? DEFAULT : new SpecificCharacterSet(terms.clone());
    }

    public String[] terms() {
        return terms.clone();
    }

    public String decode(byte[] bytes, VR vr) {
        return new String(bytes, isUtf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    public byte[] encode(String value, VR vr) {
        return value.getBytes(isUtf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private boolean isUtf8() {
        return terms.length > 0 && "ISO_IR 192".equals(terms[0]);
    }
}
