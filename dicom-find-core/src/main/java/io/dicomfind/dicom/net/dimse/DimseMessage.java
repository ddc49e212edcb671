package io.dicomfind.dicom.net.dimse;

import io.dicomfind.dicom.data.Attributes;

/**
 * A received DIMSE message: the presentation context it came on, the decoded command set and the still encoded
 * data set (null when none followed).
 */
public record DimseMessage(int contextId, Attributes command, byte[] dataSet) {
    public int commandField() {
        return CommandSet.getUS(command, io.dicomfind.dicom.data.Tag.CommandField);
    }
}
