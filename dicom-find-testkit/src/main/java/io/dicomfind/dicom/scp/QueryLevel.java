package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Tag;

/**
 * Query/Retrieve levels (PS3.4 C.3) with their Unique Key (PS3.4 C.3.1-C.3.4): Patient ID, Study Instance UID,
 * Series Instance UID, SOP Instance UID. The order is the hierarchy, top first.
 */
public enum QueryLevel {
    PATIENT(Tag.PatientID),
    STUDY(Tag.StudyInstanceUID),
    SERIES(Tag.SeriesInstanceUID),
    IMAGE(Tag.SOPInstanceUID);

    private final int uniqueKey;

    QueryLevel(int uniqueKey) {
        this.uniqueKey = uniqueKey;
    }

    /** The tag of this level's Unique Key. */
    public int uniqueKey() {
        return uniqueKey;
    }

    /** The level named by a (0008,0052) value (case as sent; PS3.4 C.6.1.1.1 defines upper case terms), or null. */
    public static QueryLevel of(String value) {
        if (value == null) {
            return null;
        }
        for (QueryLevel l : values()) {
            if (l.name().equals(value.strip())) {
                return l;
            }
        }
        return null;
    }
}
