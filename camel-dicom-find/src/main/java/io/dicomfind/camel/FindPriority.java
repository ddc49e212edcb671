package io.dicomfind.camel;

/** Priority (0000,0700) of the C-FIND-RQ (PS3.7 9.3.2.1). findscu always sends MEDIUM. */
public enum FindPriority {
    LOW(0x0002), MEDIUM(0x0000), HIGH(0x0001);

    private final int code;

    FindPriority(int code) {
        this.code = code;
    }

    /** The value of (0000,0700). */
    public int code() {
        return code;
    }
}
