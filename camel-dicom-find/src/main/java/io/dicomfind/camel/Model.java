package io.dicomfind.camel;

import io.dicomfind.dicom.data.UID;
import io.dicomfind.dicom.net.FindInformationModel;
import java.util.Locale;

/**
 * The query information models findscu selects with {@code -W}, {@code -P}, {@code -S} and {@code -O}, each with the
 * SOP Class UID of its FIND (PS3.4 C.6 for Query/Retrieve, K.6 for Modality Worklist).
 */
public enum Model {
    /** {@code -W} (findscu's default): Modality Worklist Information Model - FIND (PS3.4 K.6.1). */
    WORKLIST(UID.ModalityWorklistInformationModelFind, false),
    /** {@code -P}: Patient Root Query/Retrieve Information Model - FIND (PS3.4 C.6.1). */
    PATIENT(UID.PatientRootQueryRetrieveInformationModelFind, true),
    /** {@code -S}: Study Root Query/Retrieve Information Model - FIND (PS3.4 C.6.2). */
    STUDY(UID.StudyRootQueryRetrieveInformationModelFind, true),
    /** {@code -O}: Patient/Study Only Query/Retrieve Information Model - FIND (PS3.4 C.6.3, retired). */
    PSONLY(UID.PatientStudyOnlyQueryRetrieveInformationModelFind, true);

    private final String sopClassUid;
    private final boolean queryRetrieve;

    Model(String sopClassUid, boolean queryRetrieve) {
        this.sopClassUid = sopClassUid;
        this.queryRetrieve = queryRetrieve;
    }

    /** The value of the {@code model} option: worklist, patient, study or psonly. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    /** True for the Query/Retrieve models, whose identifiers carry (0008,0052) Query/Retrieve Level. */
    public boolean isQueryRetrieve() {
        return queryRetrieve;
    }

    /**
     * The SOP Class UID for a {@code model} option value: a model name (any case) or a FIND SOP Class UID given
     * as-is (any other FIND service, e.g. General Purpose Worklist or a private one).
     *
     * @throws IllegalArgumentException neither a model name nor a UID
     */
    public static String sopClassUidOf(String model) {
        Model m = lookup(model);
        if (m != null) {
            return m.sopClassUid;
        }
        FindInformationModel named = FindInformationModel.forName(model);
        if (named != null) {
            return named.sopClassUid(); // every FIND SOP Class by name (dcm4che's -M names): StudyRoot, UPSPull ...
        }
        if (model != null && model.matches("[0-9]+(\\.[0-9]+)*") && model.length() <= 64) {
            return model; // PS3.5 9.1: a UID is digits and dots, at most 64 characters
        }
        throw new IllegalArgumentException("model '" + model + "' is neither worklist, patient, study, psonly, one of "
                + FindInformationModel.names() + " nor a SOP Class UID");
    }

    /** The model for a name or one of the four SOP Class UIDs, or null (another FIND SOP class). */
    public static Model lookup(String model) {
        if (model == null) {
            return null;
        }
        String s = model.trim();
        for (Model m : values()) {
            if (m.optionValue().equals(s.toLowerCase(Locale.ROOT)) || m.sopClassUid.equals(s)) {
                return m;
            }
        }
        return null;
    }
}
