package io.dicomfind.dicom.net;

/** The UIDs the network layer proposes (PS3.6 Annex A, PS3.4). */
public final class SopClasses {
    /** DICOM Application Context Name (PS3.7 A.2.1). */
    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    /** Modality Worklist Information Model - FIND (findscu -W, the default). */
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    /** Patient Root Query/Retrieve Information Model - FIND (-P). */
    public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
    /** Study Root Query/Retrieve Information Model - FIND (-S). */
    public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    /** Patient/Study Only Query/Retrieve Information Model - FIND (retired, -O). */
    public static final String PATIENT_STUDY_ONLY_FIND = "1.2.840.10008.5.1.4.1.2.3.1";

    private SopClasses() {
    }

    public static String name(String uid) {
        return switch (uid) {
            case VERIFICATION -> "Verification";
            case MODALITY_WORKLIST_FIND -> "Modality Worklist Information Model - FIND";
            case PATIENT_ROOT_FIND -> "Patient Root Query/Retrieve Information Model - FIND";
            case STUDY_ROOT_FIND -> "Study Root Query/Retrieve Information Model - FIND";
            case PATIENT_STUDY_ONLY_FIND -> "Patient/Study Only Query/Retrieve Information Model - FIND";
            default -> uid;
        };
    }
}
