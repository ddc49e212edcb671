package io.dicomfind.dicom.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * SOP Class Extended Negotiation sub-item (PS3.7 D.3.3.5, item type 56H), in the A-ASSOCIATE-RQ and the
 * A-ASSOCIATE-AC alike: a SOP Class UID and the service-class-application-information bytes that its Service
 * Class defines (for the Query/Retrieve FIND SOP classes PS3.4 C.5.1.1).
 */
public record ExtendedNegotiation(String sopClassUid, byte[] applicationInformation) {
    public ExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "SOP class UID");
        applicationInformation = applicationInformation.clone();
    }

    @Override
    public byte[] applicationInformation() {
        return applicationInformation.clone();
    }

    /** Byte {@code index} (0-based) of the application information, 0 where the field was truncated. */
    public int byteAt(int index) {
        return index < applicationInformation.length ? applicationInformation[index] & 0xFF : 0;
    }

    public int length() {
        return applicationInformation.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedNegotiation e && sopClassUid.equals(e.sopClassUid)
                && Arrays.equals(applicationInformation, e.applicationInformation);
    }

    @Override
    public int hashCode() {
        return sopClassUid.hashCode() * 31 + Arrays.hashCode(applicationInformation);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(sopClassUid).append(" [");
        for (int i = 0; i < applicationInformation.length; i++) {
            sb.append(i == 0 ? "" : " ").append(applicationInformation[i] & 0xFF);
        }
        return sb.append(']').toString();
    }
}
