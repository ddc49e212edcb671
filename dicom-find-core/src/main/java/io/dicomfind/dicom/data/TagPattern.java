package io.dicomfind.dicom.data;

/**
 * The tags one dictionary entry stands for: a group range and an element range, each limited to even, odd or all
 * numbers. A single tag has equal bounds. Repeating groups such as (60xx,3000) (PS3.5 7.6) are even group ranges;
 * DCMTK's dictionary syntax {@code (gggg-[o-|u-]gggg,eeee-[o-|u-]eeee)} can say more, so we keep its full meaning.
 */
record TagPattern(int groupLow, int groupHigh, Parity groupParity, int elementLow, int elementHigh,
                  Parity elementParity) {

    /** Which numbers of a range belong to it. */
    enum Parity {
        ANY, EVEN, ODD;

        boolean admits(int n) {
            return this == ANY || (this == EVEN) == ((n & 1) == 0);
        }
    }

    static TagPattern single(int tag) {
        return new TagPattern(Tag.group(tag), Tag.group(tag), Parity.ANY, Tag.element(tag), Tag.element(tag),
                Parity.ANY);
    }

    boolean isSingleTag() {
        return groupLow == groupHigh && elementLow == elementHigh;
    }

    boolean contains(int tag) {
        int g = Tag.group(tag);
        int e = Tag.element(tag);
        return g >= groupLow && g <= groupHigh && groupParity.admits(g)
                && e >= elementLow && e <= elementHigh && elementParity.admits(e);
    }

    /**
     * The smallest mask of whole hex digits that keeps the digits all tags of this pattern share: 0xFF00FFFF for
     * (60xx,3000). Tags that agree with {@link #base()} under this mask are the candidates {@link #contains} checks.
     */
    int mask() {
        return (digitMask(groupLow, groupHigh) << 16) | digitMask(elementLow, elementHigh);
    }

    /** The first tag of the pattern with the varying digits zeroed, e.g. 0x60003000 for (60xx,3000). */
    int base() {
        return ((groupLow << 16) | elementLow) & mask();
    }

    private static int digitMask(int low, int high) {
        int differing = low ^ high;
        int mask = 0xFFFF;
        while (differing != 0) {
            mask = (mask << 4) & 0xFFFF;
            differing >>>= 4;
        }
        return mask;
    }

    /** DCMTK's dictionary notation, e.g. (6000-60FF,3000) or (0009-o-FFFF,0010-u-00FF). */
    @Override
    public String toString() {
        if (isSingleTag()) {
            return Tag.toString((groupLow << 16) | elementLow);
        }
        return "(" + range(groupLow, groupHigh, groupParity) + "," + range(elementLow, elementHigh, elementParity)
                + ")";
    }

    private static String range(int low, int high, Parity parity) {
        String lo = String.format("%04X", low);
        if (low == high) {
            return lo;
        }
        String infix = parity == Parity.ODD ? "-o-" : parity == Parity.ANY ? "-u-" : "-";
        return lo + infix + String.format("%04X", high);
    }
}
