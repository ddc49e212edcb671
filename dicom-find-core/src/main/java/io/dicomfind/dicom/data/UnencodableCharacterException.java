package io.dicomfind.dicom.data;

/**
 * A character of a text value that the Specific Character Set (0008,0005) in force cannot represent
 * (PS3.3 C.12.1.1.2). Callers turn it into a user error: the value needs another character set, e.g. ISO_IR 192.
 */
public class UnencodableCharacterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int codePoint;
    private final int index;
    private final String characterSet;

    /**
     * @param value        the value being encoded
     * @param index        the char index of the character in {@code value}
     * @param characterSet how the character set is named to users, e.g. {@code ISO_IR 100}
     */
    public UnencodableCharacterException(String value, int index, String characterSet) {
        super(message(value, index, characterSet));
        this.codePoint = value.codePointAt(index);
        this.index = index;
        this.characterSet = characterSet;
    }

    private static String message(String value, int index, String characterSet) {
        int cp = value.codePointAt(index);
        String shown = Character.isISOControl(cp) || Character.isSurrogate(value.charAt(index)) && cp < 0x10000
                ? "" : "'" + new String(Character.toChars(cp)) + "' ";
        return String.format("Character %s(U+%04X) at index %d of \"%s\" cannot be encoded in Specific Character Set"
                + " %s", shown, cp, index, value, characterSet);
    }

    /** The Unicode code point that cannot be encoded. */
    public int codePoint() {
        return codePoint;
    }

    /** Its char index in the value. */
    public int index() {
        return index;
    }

    /** The character set, as named in the message. */
    public String characterSet() {
        return characterSet;
    }
}
