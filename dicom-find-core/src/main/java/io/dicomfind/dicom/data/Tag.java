package io.dicomfind.dicom.data;

/**
 * A data element tag held as one int, group in the upper 16 bits (PS3.5 7.1.1). Constants for the tags this
 * project's code names directly; every other tag is found through {@link ElementDictionary}.
 */
public final class Tag {
    public static final int CommandGroupLength = 0x00000000;
    public static final int AffectedSOPClassUID = 0x00000002;
    public static final int CommandField = 0x00000100;
    public static final int MessageID = 0x00000110;
    public static final int MessageIDBeingRespondedTo = 0x00000120;
    public static final int Priority = 0x00000700;
    public static final int CommandDataSetType = 0x00000800;
    public static final int Status = 0x00000900;
    public static final int OffendingElement = 0x00000901;
    public static final int ErrorComment = 0x00000902;
    public static final int ErrorID = 0x00000903;

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;

    public static final int SpecificCharacterSet = 0x00080005;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int QueryRetrieveLevel = 0x00080052;
    public static final int RetrieveAETitle = 0x00080054;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int ScheduledProcedureStepSequence = 0x00400100;

    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** PS3.5 7.8: odd groups other than 0001, 0003, 0005, 0007 and FFFF are private. */
    public static boolean isPrivate(int tag) {
        int group = group(tag);
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    /** PS3.5 7.8.1: (gggg,0010-00FF) in a private group reserves a block for a private creator. */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** PS3.5 7.2: group length elements (gggg,0000) are deprecated except in command and meta groups. */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** The DCMTK / standard notation {@code (gggg,eeee)} in upper case hex. */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        hex(tag >>> 16, c, 1);
        c[5] = ',';
        hex(tag & 0xFFFF, c, 6);
        c[10] = ')';
        return new String(c);
    }

    private static void hex(int v, char[] c, int at) {
        for (int i = 3; i >= 0; i--) {
            c[at + i] = Character.toUpperCase(Character.forDigit(v & 0xF, 16));
            v >>>= 4;
        }
    }

    /**
     * Parses {@code (gggg,eeee)}, {@code gggg,eeee} or {@code ggggeeee}; returns -1 if the text is none of these.
     * Never throws, so callers can fall back to a keyword look-up.
     */
    public static long parse(String s) {
        String t = s.trim();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        String g;
        String e;
        int comma = t.indexOf(',');
        if (comma == 4 && t.length() == 9) {
            g = t.substring(0, 4);
            e = t.substring(5);
        } else if (comma < 0 && t.length() == 8) {
            g = t.substring(0, 4);
            e = t.substring(4);
        } else {
            return -1;
        }
        int gv = parseHex4(g);
        int ev = parseHex4(e);
        return gv < 0 || ev < 0 ? -1 : (((long) gv << 16) | ev);
    }

    private static int parseHex4(String s) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
