package io.dicomfind.dicom.net.pdu;

/** AE title rules (PS3.5 6.2 VR AE; PS3.8 9.3.2): at most 16 characters, not all spaces, no backslash or controls. */
public final class AeTitle {
    private AeTitle() {
    }

    /**
     * Returns the title without its insignificant leading and trailing spaces.
     *
     * @param what names the title in the error message, e.g. "calling AE title"
     * @throws IllegalArgumentException naming {@code what} and the value if it breaks a rule
     */
    public static String validate(String title, String what) {
        if (title == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String t = title.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty or all spaces");
        }
        if (title.length() > 16 && t.length() > 16) {
            throw new IllegalArgumentException(what + " '" + title + "' is longer than 16 characters");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '\\') {
                throw new IllegalArgumentException(what + " '" + title
                        + "' contains a character not allowed in an AE title (backslash, control or non-ASCII)");
            }
        }
        return t;
    }
}
