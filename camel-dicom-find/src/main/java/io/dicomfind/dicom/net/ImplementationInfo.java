package io.dicomfind.dicom.net;

/**
 * Our Implementation Class UID and Version Name (PS3.7 D.3.3.2, D.3.3.3), sent in every A-ASSOCIATE-RQ.
 * The one place these are defined for the network layer (to be replaced by the shared UID constants once they
 * exist). The class UID is under the UUID-derived root 2.25 (PS3.5 B.2), so it needs no registered org root.
 */
public final class ImplementationInfo {
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.321749853151476770797922670322007176261";
    /** At most 16 characters (PS3.7 D.3.3.3). */
    public static final String IMPLEMENTATION_VERSION_NAME = "DICOMFIND_010";

    private ImplementationInfo() {
    }
}
