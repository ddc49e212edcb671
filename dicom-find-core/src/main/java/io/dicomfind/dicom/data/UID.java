package io.dicomfind.dicom.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Unique identifiers (PS3.5 9): constants for the UIDs this project names, named by their PS3.6 Table A-1 keyword,
 * and the UID registry of Table A-1 ({@link #nameOf}, {@link #forKeyword}, ...), loaded once from the generated
 * resource {@code uids.tsv} (see {@code src/build/dictionary}).
 */
public final class UID {

    /** Our Implementation Class UID (PS3.7 D.3.3.2): a UUID-derived UID (PS3.5 B.2), fixed for this product. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.226790363640620425203629283657145358448";
    /** Our Implementation Version Name (PS3.7 D.3.3.2.3): at most 16 characters of the SH repertoire. */
    public static final String IMPLEMENTATION_VERSION_NAME = "DICOMFIND_010";

    // Verification (PS3.4 A) and the DICOM Application Context Name (PS3.7 A.2.1).
    public static final String Verification = "1.2.840.10008.1.1";
    public static final String DICOMApplicationContext = "1.2.840.10008.3.1.1.1";

    // The uncompressed transfer syntaxes (PS3.5 A).
    public static final String ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    public static final String ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    public static final String DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    /** Retired. */
    public static final String ExplicitVRBigEndian = "1.2.840.10008.1.2.2";

    // Query/Retrieve (PS3.4 C.6).
    public static final String PatientRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.1.1";
    public static final String StudyRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.2.1";
    /** Retired. */
    public static final String PatientStudyOnlyQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.3.1";

    // Worklists (PS3.4 K, CC).
    public static final String ModalityWorklistInformationModelFind = "1.2.840.10008.5.1.4.31";
    /** Retired. */
    public static final String GeneralPurposeWorklistInformationModelFind = "1.2.840.10008.5.1.4.32.1";
    public static final String UnifiedProcedureStepPush = "1.2.840.10008.5.1.4.34.6.1";
    public static final String UnifiedProcedureStepWatch = "1.2.840.10008.5.1.4.34.6.2";
    public static final String UnifiedProcedureStepPull = "1.2.840.10008.5.1.4.34.6.3";
    public static final String UnifiedProcedureStepEvent = "1.2.840.10008.5.1.4.34.6.4";
    public static final String UnifiedProcedureStepQuery = "1.2.840.10008.5.1.4.34.6.5";

    // Relevant Patient Information Query (PS3.4 Q).
    public static final String GeneralRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.1";
    public static final String BreastImagingRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.2";
    public static final String CardiacRelevantPatientInformationQuery = "1.2.840.10008.5.1.4.37.3";

    // Hanging Protocol (PS3.4 U), Color Palette (PS3.4 X), Implant Templates (PS3.4 BB).
    public static final String HangingProtocolInformationModelFind = "1.2.840.10008.5.1.4.38.2";
    public static final String ColorPaletteQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.39.2";
    public static final String GenericImplantTemplateInformationModelFind = "1.2.840.10008.5.1.4.43.2";
    public static final String ImplantAssemblyTemplateInformationModelFind = "1.2.840.10008.5.1.4.44.2";
    public static final String ImplantTemplateGroupInformationModelFind = "1.2.840.10008.5.1.4.45.2";

    // Protocols (PS3.4 HH), Substance and product queries (PS3.4 V), Inventory (PS3.4 JJ).
    public static final String DefinedProcedureProtocolInformationModelFind = "1.2.840.10008.5.1.4.20.1";
    public static final String ProtocolApprovalInformationModelFind = "1.2.840.10008.5.1.4.1.1.200.4";
    public static final String ProductCharacteristicsQuery = "1.2.840.10008.5.1.4.41";
    public static final String SubstanceApprovalQuery = "1.2.840.10008.5.1.4.42";
    public static final String InventoryFind = "1.2.840.10008.5.1.4.1.1.201.2";
    public static final String RepositoryQuery = "1.2.840.10008.5.1.4.1.1.201.6";

    /** The SOP Classes of PS3.4 whose service uses C-FIND, in the order of PS3.4's annexes. */
    public static final List<String> FIND_SOP_CLASSES = List.of(
            PatientRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelFind,
            PatientStudyOnlyQueryRetrieveInformationModelFind, ModalityWorklistInformationModelFind,
            GeneralPurposeWorklistInformationModelFind, GeneralRelevantPatientInformationQuery,
            BreastImagingRelevantPatientInformationQuery, CardiacRelevantPatientInformationQuery,
            HangingProtocolInformationModelFind, SubstanceApprovalQuery, ProductCharacteristicsQuery,
            ColorPaletteQueryRetrieveInformationModelFind, GenericImplantTemplateInformationModelFind,
            ImplantAssemblyTemplateInformationModelFind, ImplantTemplateGroupInformationModelFind,
            UnifiedProcedureStepPull, UnifiedProcedureStepWatch, UnifiedProcedureStepQuery,
            DefinedProcedureProtocolInformationModelFind, ProtocolApprovalInformationModelFind, InventoryFind,
            RepositoryQuery);

    /** PS3.5 9.1: a UID is at most 64 characters. */
    public static final int MAX_LENGTH = 64;

    /** One row of PS3.6 Table A-1. {@code type} is e.g. "SOP Class" or "Transfer Syntax". */
    public record Entry(String uid, String keyword, String type, String name, boolean retired) {
    }

    static final String RESOURCE = "uids.tsv";

    private UID() {
    }

    private static final class Registry {
        static final Map<String, Entry> BY_UID = new HashMap<>(1024);
        static final Map<String, Entry> BY_KEYWORD = new HashMap<>(1024);
        static final Map<String, Entry> BY_NAME = new HashMap<>(1024);

        static {
            try (InputStream in = UID.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int lineNo = 0;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lineNo++;
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length != 5) {
                        throw new IllegalStateException(RESOURCE + ":" + lineNo
                                + ": expected uid, keyword, type, retired, name");
                    }
                    Entry e = new Entry(f[0], f[1], f[2], f[4], "R".equals(f[3]));
                    BY_UID.put(e.uid(), e);
                    BY_KEYWORD.put(e.keyword(), e);
                    // A few retired SOP Classes share their name with the current one: the current one wins.
                    BY_NAME.merge(e.name().toLowerCase(Locale.ROOT), e, (old, neu) -> old.retired() ? neu : old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the UID registry " + RESOURCE, e);
            }
        }
    }

    /**
     * The Table A-1 row for a UID, or null. Trailing NUL or space padding (PS3.5 6.2, as a UI value arrives) is
     * ignored.
     */
    public static Entry lookup(String uid) {
        if (uid == null) {
            return null;
        }
        return Registry.BY_UID.get(unpadded(uid));
    }

    /** The PS3.6 name, e.g. "Study Root Query/Retrieve Information Model - FIND", or null if not registered. */
    public static String nameOf(String uid) {
        Entry e = lookup(uid);
        return e == null ? null : e.name();
    }

    /** The PS3.6 keyword, e.g. "StudyRootQueryRetrieveInformationModelFind", or null if not registered. */
    public static String keywordOf(String uid) {
        Entry e = lookup(uid);
        return e == null ? null : e.keyword();
    }

    /** The name if registered, else the UID itself: for messages and logs. */
    public static String nameOrUid(String uid) {
        String name = nameOf(uid);
        return name == null ? uid : name;
    }

    /** The UID with this PS3.6 keyword (case sensitive, as keywords are), or null. */
    public static String forKeyword(String keyword) {
        Entry e = keyword == null ? null : Registry.BY_KEYWORD.get(keyword);
        return e == null ? null : e.uid();
    }

    /** The UID with this PS3.6 name, ignoring case, or null; where a retired UID has the same name, the current. */
    public static String forName(String name) {
        Entry e = name == null ? null : Registry.BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        return e == null ? null : e.uid();
    }

    /** The number of registered UIDs. */
    public static int registrySize() {
        return Registry.BY_UID.size();
    }

    /** All rows of the registry, in no particular order. */
    public static Collection<Entry> registry() {
        return Collections.unmodifiableCollection(Registry.BY_UID.values());
    }

    /**
     * PS3.5 9.1: at most 64 characters, components of digits separated by single dots, no component empty or with a
     * leading zero (except the component "0" itself). No padding: strip the NUL of a UI value first.
     */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > MAX_LENGTH) {
            return false;
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                int length = i - componentStart;
                if (length == 0 || (length > 1 && uid.charAt(componentStart) == '0')) {
                    return false;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String unpadded(String uid) {
        int end = uid.length();
        while (end > 0 && (uid.charAt(end - 1) == '\0' || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        return end == uid.length() ? uid : uid.substring(0, end);
    }
}
