package io.dicomfind.dicom.net.dimse;

/** Command Field (0000,0100) values (PS3.7 E.1) and Command Data Set Type (0000,0800) values. */
public final class CommandField {
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_FIND_RSP = 0x8020;
    public static final int C_CANCEL_RQ = 0x0FFF;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;

    /** PS3.7 E.1: 0101H means "no data set"; ANY other value means a data set follows. */
    public static final int DATA_SET_ABSENT = 0x0101;
    /** What we send when a data set follows (as DCMTK does). */
    public static final int DATA_SET_PRESENT = 0x0001;

    private CommandField() {
    }

    public static String name(int field) {
        return switch (field) {
            case 0x0001 -> "C-STORE-RQ";
            case 0x8001 -> "C-STORE-RSP";
            case 0x0010 -> "C-GET-RQ";
            case 0x8010 -> "C-GET-RSP";
            case C_FIND_RQ -> "C-FIND-RQ";
            case C_FIND_RSP -> "C-FIND-RSP";
            case 0x0021 -> "C-MOVE-RQ";
            case 0x8021 -> "C-MOVE-RSP";
            case C_ECHO_RQ -> "C-ECHO-RQ";
            case C_ECHO_RSP -> "C-ECHO-RSP";
            case C_CANCEL_RQ -> "C-CANCEL-RQ";
            default -> String.format("command 0x%04X", field);
        };
    }
}
