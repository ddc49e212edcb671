package io.dicomfind.dicom.net.pdu;

import java.util.List;

/**
 * The User Information item (PS3.8 9.3.2.3, PS3.7 D.3.3): maximum length received (PS3.8 D.1; 0 = no limit),
 * Implementation Class UID and Implementation Version Name (may be null), the SOP Class Extended Negotiation
 * sub-items (D.3.3.5), the SOP Class Common Extended Negotiation sub-items (D.3.3.6, requestor only), the User
 * Identity sub-item (D.3.3.7.1, requestor only, may be null) and the User Identity server response (D.3.3.7.2,
 * acceptor only, null when absent). Other sub-items are skipped on decoding.
 */
public record UserInformation(long maxLength, String implementationClassUid, String implementationVersionName,
        List<ExtendedNegotiation> extendedNegotiations, List<CommonExtendedNegotiation> commonExtendedNegotiations,
        UserIdentity userIdentity, byte[] userIdentityServerResponse) {
    public UserInformation {
        if (maxLength < 0 || maxLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("maximum length out of range: " + maxLength);
        }
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
        userIdentityServerResponse = userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    /** Without negotiation sub-items: what findscu sends. */
    public UserInformation(long maxLength, String implementationClassUid, String implementationVersionName) {
        this(maxLength, implementationClassUid, implementationVersionName, List.of(), List.of(), null, null);
    }

    @Override
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    /** The extended negotiation sub-item for a SOP class, or null. */
    public ExtendedNegotiation extendedNegotiation(String sopClassUid) {
        for (ExtendedNegotiation e : extendedNegotiations) {
            if (e.sopClassUid().equals(sopClassUid)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserInformation u && maxLength == u.maxLength
                && java.util.Objects.equals(implementationClassUid, u.implementationClassUid)
                && java.util.Objects.equals(implementationVersionName, u.implementationVersionName)
                && extendedNegotiations.equals(u.extendedNegotiations)
                && commonExtendedNegotiations.equals(u.commonExtendedNegotiations)
                && java.util.Objects.equals(userIdentity, u.userIdentity)
                && java.util.Arrays.equals(userIdentityServerResponse, u.userIdentityServerResponse);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxLength, implementationClassUid, implementationVersionName,
                extendedNegotiations, userIdentity);
    }

    /** Masked (a record's default would print the user identity's fields; see {@link UserIdentity#toString()}). */
    @Override
    public String toString() {
        return "UserInformation[maxLength=" + maxLength + ", implementationClassUid=" + implementationClassUid
                + ", implementationVersionName=" + implementationVersionName + ", extendedNegotiations="
                + extendedNegotiations + ", commonExtendedNegotiations=" + commonExtendedNegotiations
                + ", userIdentity=" + userIdentity + ", userIdentityServerResponse="
                + (userIdentityServerResponse == null ? "none" : userIdentityServerResponse.length + " bytes") + "]";
    }
}
