package io.dicomfind.dicom.io;

import io.dicomfind.dicom.data.UID;
import java.util.List;

/** The uncompressed transfer syntaxes of PS3.5 Annex A that a C-FIND can be encoded in. */
public final class TransferSyntax {
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, "Implicit VR Little Endian", false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, "Explicit VR Little Endian", true, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, "Deflated Explicit VR Little Endian", true, false, true);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, "Explicit VR Big Endian (Retired)", true, true, false);

    public static final List<TransferSyntax> ALL = List.of(IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN);

    private final String uid;
    private final String name;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;

    private TransferSyntax(String uid, String name, boolean explicitVR, boolean bigEndian, boolean deflated) {
        this.uid = uid;
        this.name = name;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
    }

    /** The transfer syntax with this UID, or null if it is not one this codec handles. */
    public static TransferSyntax forUid(String uid) {
        for (TransferSyntax ts : ALL) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        return null;
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    public boolean explicitVR() {
        return explicitVR;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    @Override
    public String toString() {
        return name;
    }
}
