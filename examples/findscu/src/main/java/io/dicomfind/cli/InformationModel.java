package io.dicomfind.cli;

import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.net.FindInformationModel;
import io.dicomfind.dicom.net.SopClasses;

/**
 * The C-FIND SOP Class of a run: findscu's {@code -W -P -S -O} (PS3.4 C.6, K.6), or {@code -M} with a model name of
 * {@link FindInformationModel} or any FIND SOP Class UID (unknown or retired ones work raw). {@code named} is true
 * for {@code -M}: only then does the identifier start from the model's usual keys and its level rule get checked,
 * so that {@code -W -P -S -O} runs stay exactly DCMTK's.
 *
 * @param option how it was chosen, for messages: {@code -S} or {@code -M StudyRoot}
 * @param model the model, or null for a UID that is none of them
 */
record InformationModel(String option, String sopClassUid, FindInformationModel model, boolean named) {
    static final InformationModel WORKLIST = dcmtk("-W", SopClasses.MODALITY_WORKLIST_FIND);
    static final InformationModel PATIENT_ROOT = dcmtk("-P", SopClasses.PATIENT_ROOT_FIND);
    static final InformationModel STUDY_ROOT = dcmtk("-S", SopClasses.STUDY_ROOT_FIND);
    static final InformationModel PATIENT_STUDY_ONLY = dcmtk("-O", SopClasses.PATIENT_STUDY_ONLY_FIND);

    private static InformationModel dcmtk(String option, String uid) {
        return new InformationModel(option, uid, FindInformationModel.forSopClass(uid), false);
    }

    /**
     * {@code -M value}: a model name (any case) or a SOP Class UID.
     *
     * @throws UsageException neither, with the names allowed
     */
    static InformationModel named(String value) throws UsageException {
        FindInformationModel m = FindInformationModel.forName(value);
        if (m != null) {
            return new InformationModel("-M " + m.modelName(), m.sopClassUid(), m, true);
        }
        String uid = value.strip();
        if (UID.isValid(uid)) {
            return new InformationModel("-M " + uid, uid, FindInformationModel.forSopClass(uid), true);
        }
        throw new UsageException("Invalid value for option --model (" + value + "); allowed: "
                + FindInformationModel.names() + " or a SOP Class UID");
    }
}
