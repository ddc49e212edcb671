package io.dicomfind.cli;

/**
 * Where response identifiers are extracted to. findscu treats {@code -X}, {@code -Xx} and {@code -Xs} as one group of
 * mutually exclusive options (the rightmost wins; verified with DCMTK 3.6.7); our {@code -J} joins that group.
 */
enum ExtractMode {
    NONE(null), DICOM("dcm"), XML("xml"), XML_SINGLE(null), JSON("json");

    private final String extension;

    ExtractMode(String extension) {
        this.extension = extension;
    }

    /** File name extension of per-response files, null if responses are not written one file each. */
    String extension() {
        return extension;
    }
}
