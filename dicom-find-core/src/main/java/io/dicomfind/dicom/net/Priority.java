package io.dicomfind.dicom.net;

/** Priority (0000,0700) of a C-FIND-RQ (PS3.7 9.3.2.1). */
public enum Priority {
    LOW(0x0002), MEDIUM(0x0000), HIGH(0x0001);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
