package io.dicomfind.dicom.net.pdu;

/** A-RELEASE-RP (PS3.8 9.3.7): four reserved bytes. */
public record AReleaseRp() implements Pdu {
    @Override
    public int type() {
        return A_RELEASE_RP;
    }
}
