package io.dicomfind.dicom.data;

/**
 * STUB (to be completed): the data dictionary of PS3.6 (keyword, tag, VR, VM), loaded from the generated resource.
 */
public final class ElementDictionary {
    /** One dictionary entry; {@code mask} has 0 bits where a repeating group or element varies, e.g. (60xx,3000). */
    public record Entry(int tag, int mask, VR vr, String vm, String keyword, String name, boolean retired) {
    }

    private static final ElementDictionary STANDARD = new ElementDictionary();

    public static ElementDictionary standard() {
        return STANDARD;
    }

    public Entry lookup(int tag) {
        return null;
    }

    /** The VR for implicit VR decoding: UL for group lengths, LO for private creators, UN when unknown. */
    public VR vrOf(int tag) {
        Entry e = lookup(tag);
        if (e != null) {
            return e.vr();
        }
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        return Tag.isPrivateCreator(tag) ? VR.LO : VR.UN;
    }

    public String keywordOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? null : e.keyword();
    }

    /** The tag for a keyword, or -1. */
    public int tagOf(String keyword) {
        return -1;
    }
}
