package io.dicomfind.dicom.net;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.QueryKey;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UID;
import java.util.List;
import java.util.Locale;

/**
 * Every FIND SOP Class of PS3.4 a user picks by name, with its rules: whether the identifier carries Query/Retrieve
 * Level (0008,0052) and which levels it allows, and the return keys users expect of it (findscu {@code -k} syntax).
 * Names are dcm4che findscu's {@code -M} names where it has one ({@code PatientRoot}, {@code StudyRoot},
 * {@code PatientStudyOnly}, {@code MWL}, {@code UPSPull}, {@code UPSWatch}, {@code UPSQuery}, {@code HangingProtocol},
 * {@code ColorPalette}), ours for the rest. Any other FIND SOP Class (retired, private) is used by its UID alone.
 */
public enum FindInformationModel {
    /** PS3.4 C.6.1. */
    PATIENT_ROOT("PatientRoot", UID.PatientRootQueryRetrieveInformationModelFind, List.of("PATIENT", "STUDY",
            "SERIES", "IMAGE"), "PATIENT", List.of("PatientName", "PatientID", "PatientBirthDate", "PatientSex",
                    "NumberOfPatientRelatedStudies")),
    /** PS3.4 C.6.2. */
    STUDY_ROOT("StudyRoot", UID.StudyRootQueryRetrieveInformationModelFind, List.of("STUDY", "SERIES", "IMAGE"),
            "STUDY", List.of("StudyInstanceUID", "StudyDate", "StudyTime", "AccessionNumber", "StudyID",
                    "StudyDescription", "ModalitiesInStudy", "PatientName", "PatientID",
                    "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances")),
    /** PS3.4 C.6.3 (retired). */
    PATIENT_STUDY_ONLY("PatientStudyOnly", UID.PatientStudyOnlyQueryRetrieveInformationModelFind,
            List.of("PATIENT", "STUDY"), "PATIENT", List.of("PatientName", "PatientID", "PatientBirthDate",
                    "PatientSex")),
    /** PS3.4 K.6.1: no levels, an item is matched as a whole. */
    MWL("MWL", UID.ModalityWorklistInformationModelFind, List.of(), null, List.of("AccessionNumber",
            "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID", "RequestedProcedureID",
            "RequestedProcedureDescription", "ScheduledProcedureStepSequence[0].Modality",
            "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription")),
    /** General Purpose Worklist (retired from PS3.4 in 2011). */
    GPWL("GPWL", UID.GeneralPurposeWorklistInformationModelFind, List.of(), null, List.of("SOPInstanceUID",
            "PatientName", "PatientID", "ScheduledProcedureStepStartDateTime", "ScheduledProcedureStepID")),
    /** PS3.4 CC: Unified Procedure Step - Pull. */
    UPS_PULL("UPSPull", UID.UnifiedProcedureStepPull, List.of(), null, upsKeys()),
    /** PS3.4 CC: Unified Procedure Step - Watch. */
    UPS_WATCH("UPSWatch", UID.UnifiedProcedureStepWatch, List.of(), null, upsKeys()),
    /** PS3.4 CC: Unified Procedure Step - Query. */
    UPS_QUERY("UPSQuery", UID.UnifiedProcedureStepQuery, List.of(), null, upsKeys()),
    /** PS3.4 U. */
    HANGING_PROTOCOL("HangingProtocol", UID.HangingProtocolInformationModelFind, List.of(), null,
            List.of("SOPClassUID", "SOPInstanceUID", "HangingProtocolName", "HangingProtocolDescription",
                    "HangingProtocolLevel", "HangingProtocolCreator", "HangingProtocolCreationDateTime",
                    "NumberOfPriorsReferenced")),
    /** PS3.4 X. */
    COLOR_PALETTE("ColorPalette", UID.ColorPaletteQueryRetrieveInformationModelFind, List.of(), null,
            List.of("SOPClassUID", "SOPInstanceUID", "ContentLabel", "ContentDescription", "ContentCreatorName",
                    "InstanceCreationDate")),
    /** PS3.4 BB. */
    GENERIC_IMPLANT_TEMPLATE("GenericImplantTemplate", UID.GenericImplantTemplateInformationModelFind, List.of(),
            null, List.of("SOPClassUID", "SOPInstanceUID", "Manufacturer", "ImplantName", "ImplantPartNumber",
                    "EffectiveDateTime")),
    /** PS3.4 BB. */
    IMPLANT_ASSEMBLY_TEMPLATE("ImplantAssemblyTemplate", UID.ImplantAssemblyTemplateInformationModelFind,
            List.of(), null, List.of("SOPClassUID", "SOPInstanceUID", "ImplantAssemblyTemplateName",
                    "ImplantAssemblyTemplateIssuer", "ImplantAssemblyTemplateVersion")),
    /** PS3.4 BB. */
    IMPLANT_TEMPLATE_GROUP("ImplantTemplateGroup", UID.ImplantTemplateGroupInformationModelFind, List.of(), null,
            List.of("SOPClassUID", "SOPInstanceUID", "ImplantTemplateGroupName", "ImplantTemplateGroupDescription",
                    "ImplantTemplateGroupIssuer", "ImplantTemplateGroupVersion")),
    /** PS3.4 HH. */
    DEFINED_PROCEDURE_PROTOCOL("DefinedProcedureProtocol", UID.DefinedProcedureProtocolInformationModelFind,
            List.of(), null, List.of("SOPClassUID", "SOPInstanceUID", "ProtocolName", "InstanceCreationDate",
                    "Manufacturer")),
    /** PS3.4 HH. */
    PROTOCOL_APPROVAL("ProtocolApproval", UID.ProtocolApprovalInformationModelFind, List.of(), null,
            List.of("SOPClassUID", "SOPInstanceUID", "InstanceCreationDate")),
    /** PS3.4 JJ. */
    INVENTORY("Inventory", UID.InventoryFind, List.of(), null, List.of("SOPClassUID", "SOPInstanceUID",
            "InstanceCreationDate"));

    private final String modelName;
    private final String sopClassUid;
    private final List<String> levels;
    private final String defaultLevel;
    private final List<String> returnKeys;

    FindInformationModel(String modelName, String sopClassUid, List<String> levels, String defaultLevel,
            List<String> returnKeys) {
        this.modelName = modelName;
        this.sopClassUid = sopClassUid;
        this.levels = levels;
        this.defaultLevel = defaultLevel;
        this.returnKeys = returnKeys;
    }

    private static List<String> upsKeys() {
        return List.of("SOPClassUID", "SOPInstanceUID", "ProcedureStepState", "ScheduledProcedureStepPriority",
                "ProcedureStepLabel", "WorklistLabel", "ScheduledProcedureStepStartDateTime", "PatientName",
                "PatientID");
    }

    /** The name to select it by ({@code -M} / the component's {@code model}), e.g. {@code StudyRoot}. */
    public String modelName() {
        return modelName;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    /** PS3.6 Table A-1's name of the SOP Class. */
    public String sopClassName() {
        return UID.nameOrUid(sopClassUid);
    }

    public boolean isRetired() {
        UID.Entry e = UID.lookup(sopClassUid);
        return e != null && e.retired();
    }

    /** True for the Query/Retrieve models, whose identifier carries Query/Retrieve Level (PS3.4 C.4.1.1.3). */
    public boolean hasQueryRetrieveLevel() {
        return !levels.isEmpty();
    }

    /** The values (0008,0052) may take, root first; empty for the models without levels. */
    public List<String> levels() {
        return levels;
    }

    /** The level {@link #returnKeys()} are for; null for the models without levels. */
    public String defaultLevel() {
        return defaultLevel;
    }

    /** The return keys users expect (findscu {@code -k} syntax, empty values), for {@link #defaultLevel()}. */
    public List<String> returnKeys() {
        return returnKeys;
    }

    /**
     * A new identifier with the model's usual keys: (0008,0052) set to {@link #defaultLevel()} for the Q/R models,
     * and every {@link #returnKeys()} key empty (a universal match, returned by the SCP).
     */
    public Attributes defaultIdentifier() {
        Attributes keys = new Attributes();
        if (defaultLevel != null) {
            QueryKey.parse("QueryRetrieveLevel=" + defaultLevel).applyTo(keys);
        }
        for (String k : returnKeys) {
            QueryKey.parse(k).applyTo(keys);
        }
        return keys;
    }

    /**
     * What is wrong with the identifier's Query/Retrieve Level for this model, in words, or null: missing or not one
     * of {@link #levels()} for a Q/R model (PS3.4 C.4.1.1.3 requires it; SCPs answer A900 or C000), or present for a
     * model without levels (no such attribute in its identifier; an SCP may refuse it).
     */
    public String levelProblem(Attributes identifier) {
        String level = identifier.getString(Tag.QueryRetrieveLevel);
        if (hasQueryRetrieveLevel()) {
            if (level == null || level.isBlank()) {
                return "the " + modelName + " identifier has no Query/Retrieve Level (0008,0052); one of " + levels
                        + " is required (PS3.4 C.4.1.1.3)";
            }
            if (!levels.contains(level.strip().toUpperCase(Locale.ROOT))) {
                return "Query/Retrieve Level (0008,0052) '" + level.strip() + "' is not a level of " + modelName
                        + " (" + levels + ")";
            }
            return null;
        }
        if (identifier.contains(Tag.QueryRetrieveLevel)) {
            return "Query/Retrieve Level (0008,0052) does not belong in a " + modelName + " identifier ("
                    + sopClassName() + " has no levels)";
        }
        return null;
    }

    /** The model of a name (any case, as {@link #modelName()}), or null. */
    public static FindInformationModel forName(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip();
        for (FindInformationModel m : values()) {
            if (m.modelName.equalsIgnoreCase(s)) {
                return m;
            }
        }
        return null;
    }

    /** The model of a SOP Class UID (trailing padding ignored), or null: another FIND SOP Class, used raw. */
    public static FindInformationModel forSopClass(String uid) {
        if (uid == null) {
            return null;
        }
        String s = uid.strip().replace("\0", "");
        for (FindInformationModel m : values()) {
            if (m.sopClassUid.equals(s)) {
                return m;
            }
        }
        return null;
    }

    /** The names, for help texts and messages: "PatientRoot, StudyRoot, ...". */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (FindInformationModel m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.modelName);
        }
        return sb.toString();
    }
}
