package io.dicomfind.dicom.data;

/** A query key that cannot be parsed; the message quotes the key and says what is wrong with it. */
public class KeySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public KeySyntaxException(String key, String problem) {
        super("bad key '" + key + "': " + problem);
    }
}
