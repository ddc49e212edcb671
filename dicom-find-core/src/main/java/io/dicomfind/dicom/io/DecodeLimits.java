package io.dicomfind.dicom.io;

/**
 * Bounds on what a decoder will accept from a peer, so that no length field can make it allocate or recurse
 * without limit.
 *
 * @param maxElementLength largest value, in bytes, of one element
 * @param maxDepth         deepest nesting of sequences
 * @param maxDataSetLength largest total encoded size of one data set (after inflation, for deflate)
 */
public record DecodeLimits(int maxElementLength, int maxDepth, long maxDataSetLength) {
    /** 16 MiB per element, 64 levels, 256 MiB per data set: far beyond any C-FIND identifier. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(16 << 20, 64, 256L << 20);

    public DecodeLimits {
        if (maxElementLength <= 0 || maxDepth <= 0 || maxDataSetLength <= 0) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }
}
