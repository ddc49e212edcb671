package io.dicomfind.cli;

import io.dicomfind.dicom.net.SopClasses;

/** findscu's query information models {@code -W -P -S -O} and the C-FIND SOP Class each selects (PS3.4 C.6, K.6). */
enum InformationModel {
    WORKLIST("-W", SopClasses.MODALITY_WORKLIST_FIND),
    PATIENT_ROOT("-P", SopClasses.PATIENT_ROOT_FIND),
    STUDY_ROOT("-S", SopClasses.STUDY_ROOT_FIND),
    PATIENT_STUDY_ONLY("-O", SopClasses.PATIENT_STUDY_ONLY_FIND);

    private final String option;
    private final String sopClassUid;

    InformationModel(String option, String sopClassUid) {
        this.option = option;
        this.sopClassUid = sopClassUid;
    }

    String option() {
        return option;
    }

    String sopClassUid() {
        return sopClassUid;
    }
}
