package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;

/**
 * A C-FIND-RQ as the SCP received it, handed to a {@link FindStatusOverride}.
 *
 * @param callingAeTitle the requestor's AE title from the A-ASSOCIATE-RQ
 * @param model          the information model of the Affected SOP Class
 * @param messageId      (0000,0110)
 * @param identifier     the decoded Identifier (do not modify)
 */
public record FindRequest(String callingAeTitle, InformationModel model, int messageId, Attributes identifier) {
}
