package io.dicomfind.dicom.data;

/**
 * The Value Representations of PS3.5 6.2, with the encoding facts a codec needs.
 *
 * <p>{@link #longLength()} is true for the VRs that, in Explicit VR transfer syntaxes, carry two reserved bytes
 * and a 32-bit length (PS3.5 7.1.2, Table 7.1-1).
 */
public enum VR {
    AE(Kind.TEXT, false, ' ', 16), AS(Kind.TEXT, false, ' ', 4), AT(Kind.BINARY, false, 0, 4),
    CS(Kind.TEXT, false, ' ', 16), DA(Kind.TEXT, false, ' ', 8), DS(Kind.TEXT, false, ' ', 16),
    DT(Kind.TEXT, false, ' ', 26), FD(Kind.BINARY, false, 0, 8), FL(Kind.BINARY, false, 0, 4),
    IS(Kind.TEXT, false, ' ', 12), LO(Kind.TEXT, false, ' ', 64), LT(Kind.TEXT, false, ' ', 10240),
    OB(Kind.BINARY, true, 0, 1), OD(Kind.BINARY, true, 0, 8), OF(Kind.BINARY, true, 0, 4),
    OL(Kind.BINARY, true, 0, 4), OV(Kind.BINARY, true, 0, 8), OW(Kind.BINARY, true, 0, 2),
    PN(Kind.TEXT, false, ' ', 64), SH(Kind.TEXT, false, ' ', 16), SL(Kind.BINARY, false, 0, 4),
    SQ(Kind.SEQUENCE, true, 0, 0), SS(Kind.BINARY, false, 0, 2), ST(Kind.TEXT, false, ' ', 1024),
    SV(Kind.BINARY, true, 0, 8), TM(Kind.TEXT, false, ' ', 14), UC(Kind.TEXT, true, ' ', 0),
    UI(Kind.TEXT, false, 0, 64), UL(Kind.BINARY, false, 0, 4), UN(Kind.BINARY, true, 0, 1),
    UR(Kind.TEXT, true, ' ', 0), US(Kind.BINARY, false, 0, 2), UT(Kind.TEXT, true, ' ', 0),
    UV(Kind.BINARY, true, 0, 8);

    /** How a value of this VR is held. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    private final Kind kind;
    private final boolean longLength;
    private final int paddingByte;
    private final int unit;

    VR(Kind kind, boolean longLength, int paddingByte, int unit) {
        this.kind = kind;
        this.longLength = longLength;
        this.paddingByte = paddingByte;
        this.unit = unit;
    }

    /** The two ASCII characters as a big-endian 16-bit number, as they appear on the wire. */
    public int code() {
        return (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The VR for the two characters read from an explicit VR header, or null if they name none. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }

    /** The VR named by a two letter string, or null. */
    public static VR ofName(String name) {
        return name != null && name.length() == 2 ? ofCode((name.charAt(0) << 8) | name.charAt(1)) : null;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** PS3.5 7.1.2: a 32-bit length field (after two reserved bytes) in Explicit VR encodings. */
    public boolean longLength() {
        return longLength;
    }

    /** PS3.5 6.2: UI is padded with NUL, other text with SPACE, binary values with NUL. */
    public int paddingByte() {
        return paddingByte;
    }

    /** For binary VRs: the size of one value (or word, for byte swapping); for text: the maximum length. */
    public int unit() {
        return unit;
    }

    /** Text VRs whose values may contain backslash as data rather than as value delimiter (PS3.5 6.2). */
    public boolean isSingleValuedText() {
        return this == LT || this == ST || this == UT || this == UR;
    }

    /** Text VRs whose character repertoire is subject to Specific Character Set (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return this == SH || this == LO || this == ST || this == LT || this == UT || this == UC || this == PN;
    }

    /**
     * VRs that peers predating them may not know (PS3.5 6.2 history: UN, UT and OF were added in the 1990s, OD, OL,
     * UC, UR, OV, SV, UV later). With new VRs disabled (findscu {@code -u}) they are written as OB, so that an old
     * peer at least reads a value it can skip.
     */
    public boolean isNewVR() {
        return this == UN || this == UT || this == OF || this == UC || this == UR || this == OD || this == OL
                || this == OV || this == SV || this == UV;
    }
}
