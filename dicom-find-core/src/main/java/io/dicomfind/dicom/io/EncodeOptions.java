package io.dicomfind.dicom.io;

/**
 * Choices a writer makes that the transfer syntax leaves open.
 *
 * @param newVRs                   false: write VRs unknown to older peers (UC, UR, OD, OL, OV, SV, UV) as OB
 *                                 or UN-compatible forms, as findscu's {@code -u} does
 * @param undefinedLengthSequences sequences and items with undefined length and delimiters (PS3.5 7.5.1)
 * @param deflateLevel             0-9, for the deflated transfer syntax ({@code +cl})
 */
public record EncodeOptions(boolean newVRs, boolean undefinedLengthSequences, int deflateLevel) {
    public static final EncodeOptions DEFAULT = new EncodeOptions(true, false, 6);

    public EncodeOptions {
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0..9, was " + deflateLevel);
        }
    }

    public EncodeOptions withNewVRs(boolean b) {
        return new EncodeOptions(b, undefinedLengthSequences, deflateLevel);
    }

    public EncodeOptions withDeflateLevel(int level) {
        return new EncodeOptions(newVRs, undefinedLengthSequences, level);
    }
}
