package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;

/**
 * One C-FIND-RSP as the network layer hands it over (PS3.7 9.3.2.2).
 *
 * @param index      1-based position of the response in its C-FIND
 * @param status     its status; Pending ones carry a match, the last one is final
 * @param identifier the matching Identifier of a Pending response; null for final responses (and for a Pending one
 *                   a faulty SCP sent without a data set)
 */
public record FindResult(int index, FindStatus status, Attributes identifier) {
}
