package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.UID;
import java.util.EnumSet;
import java.util.Set;

/**
 * The C-FIND information models the embedded SCP serves (PS3.4 C.6 and K.6) with the Query/Retrieve levels each one
 * allows (PS3.4 C.6.1.1, C.6.2.1, C.6.3.1). The Modality Worklist model has no levels: an item is matched as a whole
 * (PS3.4 K.2.2).
 */
public enum InformationModel {
    /** Patient Root Query/Retrieve Information Model - FIND: PATIENT, STUDY, SERIES, IMAGE. */
    PATIENT_ROOT(UID.PatientRootQueryRetrieveInformationModelFind,
            EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    /** Study Root Query/Retrieve Information Model - FIND: STUDY (with the patient's attributes), SERIES, IMAGE. */
    STUDY_ROOT(UID.StudyRootQueryRetrieveInformationModelFind,
            EnumSet.of(QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    /** Patient/Study Only Query/Retrieve Information Model - FIND (retired): PATIENT, STUDY. */
    PATIENT_STUDY_ONLY(UID.PatientStudyOnlyQueryRetrieveInformationModelFind,
            EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY)),
    /** Modality Worklist Information Model - FIND (PS3.4 K.6.1). */
    MODALITY_WORKLIST(UID.ModalityWorklistInformationModelFind, EnumSet.noneOf(QueryLevel.class)),
    /** Hanging Protocol Information Model - FIND (PS3.4 U): no levels, served with {@code serve(...)}. */
    HANGING_PROTOCOL(UID.HangingProtocolInformationModelFind, EnumSet.noneOf(QueryLevel.class)),
    /** Color Palette Query/Retrieve Information Model - FIND (PS3.4 X): no levels. */
    COLOR_PALETTE(UID.ColorPaletteQueryRetrieveInformationModelFind, EnumSet.noneOf(QueryLevel.class)),
    /** Unified Procedure Step - Pull (PS3.4 CC): its C-FIND only (no N-services), no levels. */
    UPS_PULL(UID.UnifiedProcedureStepPull, EnumSet.noneOf(QueryLevel.class));

    private final String sopClassUid;
    private final EnumSet<QueryLevel> levels;

    InformationModel(String sopClassUid, EnumSet<QueryLevel> levels) {
        this.sopClassUid = sopClassUid;
        this.levels = levels;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    /** The levels a query of this model may name in (0008,0052); empty for the worklist. */
    public Set<QueryLevel> levels() {
        return EnumSet.copyOf(levels);
    }

    public boolean isHierarchical() {
        return !levels.isEmpty();
    }

    /** The highest level of the model: PATIENT, or STUDY for Study Root; null for the worklist. */
    public QueryLevel root() {
        return levels.isEmpty() ? null : levels.iterator().next();
    }

    /** The model of a FIND SOP Class UID, or null. */
    public static InformationModel forSopClass(String uid) {
        for (InformationModel m : values()) {
            if (m.sopClassUid.equals(uid)) {
                return m;
            }
        }
        return null;
    }
}
