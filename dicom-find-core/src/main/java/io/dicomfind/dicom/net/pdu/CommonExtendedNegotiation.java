package io.dicomfind.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * SOP Class Common Extended Negotiation sub-item (PS3.7 D.3.3.6, item type 57H, sub-item version 0), sent by the
 * requestor only: the Service Class of a SOP class and the general SOP classes it specializes, so that an acceptor
 * that does not know a specialized SOP class can still accept it as its general one (PS3.7 D.3.3.6.1).
 */
public record CommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
        List<String> relatedGeneralSopClassUids) {
    public CommonExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "SOP class UID");
        Objects.requireNonNull(serviceClassUid, "service class UID");
        relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
    }
}
