package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.net.Priority;

/**
 * One C-FIND to run: where, under which SOP class, with which identifier and limits.
 *
 * @param settings    association settings, including the FIND SOP class
 * @param identifier  the query keys
 * @param priority    (0000,0700)
 * @param maxResults  most matches delivered before the query is cancelled; 0 = no limit
 * @param cancelAfter findscu --cancel: C-CANCEL after this many responses; 0 = never
 */
record FindRequest(FindSettings settings, Attributes identifier, Priority priority, int maxResults,
        int cancelAfter) {
}
