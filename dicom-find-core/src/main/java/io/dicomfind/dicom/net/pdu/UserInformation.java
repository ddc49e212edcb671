package io.dicomfind.dicom.net.pdu;

/**
 * The User Information item (PS3.8 9.3.2.3, PS3.7 D.3.3): maximum length received (PS3.8 D.1; 0 = no limit),
 * Implementation Class UID and Implementation Version Name (may be null). Other sub-items are skipped on decoding.
 */
public record UserInformation(long maxLength, String implementationClassUid, String implementationVersionName) {
    public UserInformation {
        if (maxLength < 0 || maxLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("maximum length out of range: " + maxLength);
        }
    }
}
