package io.dicomfind.dicom.scp;

/**
 * The choices PS3.4 C.2.2.2 leaves to the SCP.
 *
 * @param caseInsensitivePersonNames PS3.4 C.2.2.2.1: single value and wild card matching are case-sensitive, except
 *                                   that for PN "an application may perform literal matching that is either
 *                                   case-sensitive, or that is insensitive to some or all aspects of case". The
 *                                   default is case-sensitive for every VR, PN included, which is what DCMTK's
 *                                   wlmscpfs and dcmqrscp do (checked by the equivalence tests); set this to match
 *                                   PN values regardless of case (as many PACS do).
 */
public record MatchingRules(boolean caseInsensitivePersonNames) {
    /** Case-sensitive everywhere, as DCMTK's SCPs. */
    public static final MatchingRules DEFAULT = new MatchingRules(false);
}
