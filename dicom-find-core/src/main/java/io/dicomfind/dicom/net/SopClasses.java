package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.UID;

/** The UIDs the network layer proposes (PS3.6 Annex A, PS3.4), by findscu option; aliases of {@link UID}. */
public final class SopClasses {
    /** DICOM Application Context Name (PS3.7 A.2.1). */
    public static final String APPLICATION_CONTEXT = UID.DICOMApplicationContext;
    public static final String VERIFICATION = UID.Verification;
    /** Modality Worklist Information Model - FIND (findscu -W, the default). */
    public static final String MODALITY_WORKLIST_FIND = UID.ModalityWorklistInformationModelFind;
    /** Patient Root Query/Retrieve Information Model - FIND (-P). */
    public static final String PATIENT_ROOT_FIND = UID.PatientRootQueryRetrieveInformationModelFind;
    /** Study Root Query/Retrieve Information Model - FIND (-S). */
    public static final String STUDY_ROOT_FIND = UID.StudyRootQueryRetrieveInformationModelFind;
    /** Patient/Study Only Query/Retrieve Information Model - FIND (retired, -O). */
    public static final String PATIENT_STUDY_ONLY_FIND = UID.PatientStudyOnlyQueryRetrieveInformationModelFind;

    private SopClasses() {
    }

    /** The registry name (PS3.6 Table A-1), or the UID itself if unknown. */
    public static String name(String uid) {
        return UID.nameOrUid(uid);
    }
}
