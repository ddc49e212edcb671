package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.Arrays;
import java.util.Locale;

/**
 * Attribute matching of PS3.4 C.2.2.2: decides whether a stored data set (or item) matches the keys of a C-FIND
 * Identifier. Every key with a value must match; keys without a value are return keys (universal matching,
 * C.2.2.2.3). Values are compared as decoded text, each side decoded with its own Specific Character Set, so a
 * Latin-1 query matches a UTF-8 record.
 *
 * <ul>
 * <li>Single value matching (C.2.2.2.1): the stored value equals the key, case-sensitive (PN configurable, see
 * {@link MatchingRules}); insignificant padding is ignored on both sides.</li>
 * <li>List of UID matching (C.2.2.2.2): a UI key with several backslash-separated values matches any of them. Other
 * VRs with several key values are treated the same way (any value), as dcm4che does; the standard defines only UID
 * lists.</li>
 * <li>Universal matching (C.2.2.2.3): an empty key, or a key consisting only of {@code *} (C.2.2.2.4), matches
 * everything, including absent or empty stored values.</li>
 * <li>Wild card matching (C.2.2.2.4): {@code *} (any sequence, also empty) and {@code ?} (one character) for all
 * text VRs except DA, TM, DT and UI.</li>
 * <li>Range matching (C.2.2.2.5): DA, TM and DT keys with a {@code -}: {@code a-b}, {@code -b}, {@code a-}
 * inclusive; partial values are extended (lower bound with the lowest, upper bound with the highest digits).
 * Range matching of DT ignores UTC offsets.</li>
 * <li>Sequence matching (C.2.2.2.6): a sequence key with one non-empty item matches if any stored item matches all
 * keys of that item; a sequence key without items or with an empty item is universal.</li>
 * <li>Multi-valued stored values match if any value matches.</li>
 * <li>Not matched: Specific Character Set (0008,0005), Query/Retrieve Level (0008,0052), Timezone Offset From UTC
 * (0008,0201), command and file meta groups, group lengths, binary VRs other than exact byte equality.</li>
 * </ul>
 * Stateless and thread safe.
 */
public final class KeyMatcher {
    private static final int TIMEZONE_OFFSET_FROM_UTC = 0x00080201;

    private final MatchingRules rules;

    public KeyMatcher(MatchingRules rules) {
        this.rules = rules;
    }

    /** True if {@code record} matches every matching key of {@code keys}. */
    public boolean matches(Attributes keys, Attributes record) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (!isMatchable(tag)) {
                continue;
            }
            VR vr = keys.vrAt(i);
            Object v = keys.valueAt(i);
            if (v == null) {
                continue; // universal matching
            }
            if (v instanceof Sequence seq) {
                if (!matchesSequence(seq, record.getSequence(tag))) {
                    return false;
                }
            } else if (!matchesElement(keys, i, vr, record, tag)) {
                return false;
            }
        }
        return true;
    }

    /** Elements that are never matching keys (PS3.4 C.2.2.2: Specific Character Set is not matched). */
    static boolean isMatchable(int tag) {
        int group = Tag.group(tag);
        return group != 0x0000 && group != 0x0002 && !Tag.isGroupLength(tag) && tag != Tag.SpecificCharacterSet
                && tag != Tag.QueryRetrieveLevel && tag != TIMEZONE_OFFSET_FROM_UTC && !Tag.isPrivateCreator(tag);
    }

    /** True if a sequence key asks for nothing but the items (no item, or an item without any matching key). */
    static boolean isUniversal(Sequence key) {
        if (key.isEmpty()) {
            return true;
        }
        Attributes item = key.get(0);
        for (int i = 0; i < item.size(); i++) {
            Object v = item.valueAt(i);
            if (isMatchable(item.tagAt(i)) && v != null
                    && !(v instanceof Sequence s && isUniversal(s))
                    && !(v instanceof byte[] b && b.length == 0)) {
                return false;
            }
        }
        return true;
    }

    /** C.2.2.2.6: one key item; any stored item matching all its keys is a match. */
    boolean matchesSequence(Sequence key, Sequence stored) {
        if (isUniversal(key)) {
            return true;
        }
        if (stored == null) {
            return false;
        }
        Attributes keyItem = key.get(0);
        for (Attributes item : stored) {
            if (matches(keyItem, item)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesElement(Attributes keys, int index, VR vr, Attributes record, int tag) {
        if (!vr.isText()) {
            byte[] k = keys.bytesAt(index);
            if (k.length == 0) {
                return true;
            }
            int r = record.indexOf(tag);
            return r >= 0 && Arrays.equals(k, record.bytesAt(r));
        }
        String[] keyValues = keys.getStrings(tag);
        if (keyValues == null || allUniversal(keyValues, vr)) {
            return true; // only padding, or only '*': universal matching
        }
        String[] stored = record.getStrings(tag);
        if (stored == null) {
            return false;
        }
        for (String key : keyValues) {
            for (String value : stored) {
                if (matchesValue(key, value, vr)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allUniversal(String[] keyValues, VR vr) {
        if (!wildcardsAllowed(vr)) {
            return keyValues.length == 1 && keyValues[0].isEmpty();
        }
        for (String k : keyValues) {
            if (!k.chars().allMatch(c -> c == '*')) {
                return false;
            }
        }
        return true;
    }

    /** C.2.2.2.4: not for DA, TM, DT, UI (nor binary and numeric VRs, which never get here as text). */
    static boolean wildcardsAllowed(VR vr) {
        return vr != VR.DA && vr != VR.TM && vr != VR.DT && vr != VR.UI && vr != VR.DS && vr != VR.IS
                && vr != VR.AS;
    }

    boolean matchesValue(String key, String value, VR vr) {
        if ((vr == VR.DA || vr == VR.TM || vr == VR.DT) && key.indexOf('-') >= 0
                && !(vr == VR.DT && isSingleDateTimeWithNegativeOffset(key))) {
            return inRange(key, value, vr);
        }
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            return normalise(key, vr).equals(normalise(value, vr));
        }
        boolean ignoreCase = vr == VR.PN && rules.caseInsensitivePersonNames();
        if (ignoreCase) {
            key = key.toUpperCase(Locale.ROOT);
            value = value.toUpperCase(Locale.ROOT);
        }
        if (wildcardsAllowed(vr) && (key.indexOf('*') >= 0 || key.indexOf('?') >= 0)) {
            return wildcard(key, 0, value, 0);
        }
        return key.equals(value);
    }

    /** A DT value such as 20240101120000-0500 carries a UTC offset, not a range (PS3.5 6.2 DT). */
    private static boolean isSingleDateTimeWithNegativeOffset(String key) {
        int dash = key.indexOf('-');
        return dash >= 8 && key.indexOf('-', dash + 1) < 0 && dash == key.length() - 5
                && key.substring(dash + 1).chars().allMatch(Character::isDigit);
    }

    /** {@code *} and {@code ?} over code points, iteratively with backtracking on the last {@code *}. */
    static boolean wildcard(String pattern, int p, String s, int i) {
        int star = -1;
        int mark = 0;
        while (i < s.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '?') {
                p++;
                i += Character.charCount(s.codePointAt(i));
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = i;
            } else if (p < pattern.length() && pattern.codePointAt(p) == s.codePointAt(i)) {
                int n = Character.charCount(s.codePointAt(i));
                p += n;
                i += n;
            } else if (star >= 0) {
                p = star + 1;
                mark += Character.charCount(s.codePointAt(mark));
                i = mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** C.2.2.2.5: inclusive range with an open start or end. */
    private static boolean inRange(String key, String value, VR vr) {
        int dash = rangeSeparator(key, vr);
        String from = key.substring(0, dash).strip();
        String to = key.substring(dash + 1).strip();
        String v = normalise(value, vr);
        if (v.isEmpty()) {
            return false;
        }
        String vLow = extend(v, vr, false);
        if (!from.isEmpty() && vLow.compareTo(extend(normalise(from, vr), vr, false)) < 0) {
            return false;
        }
        return to.isEmpty() || vLow.compareTo(extend(normalise(to, vr), vr, true)) <= 0;
    }

    /** The range dash; for DT, the one not belonging to a UTC offset of the lower bound. */
    private static int rangeSeparator(String key, VR vr) {
        int dash = key.indexOf('-');
        if (vr == VR.DT && dash > 0 && dash + 5 <= key.length()) {
            // "a-0500-b": a dash followed by 4 digits and another dash is the offset of a
            int next = key.indexOf('-', dash + 1);
            if (next == dash + 5) {
                return next;
            }
        }
        return dash;
    }

    /** Removes separators of old ACR-NEMA forms (YYYY.MM.DD, HH:MM:SS) and, for DT, a UTC offset. */
    static String normalise(String v, VR vr) {
        String s = v.strip();
        if (vr == VR.DA) {
            return s.replace(".", "");
        }
        if (vr == VR.TM) {
            return s.replace(":", "");
        }
        int offset = Math.max(s.lastIndexOf('+'), s.length() >= 5 ? s.lastIndexOf('-') : -1);
        return offset > 0 ? s.substring(0, offset) : s;
    }

    private static final String DA_LOW = "00000101";
    private static final String DA_HIGH = "99991231";
    private static final String TM_LOW = "000000.000000";
    private static final String TM_HIGH = "235959.999999";

    /** Pads a partial value with the lowest or highest digits, so that comparison is by string order. */
    static String extend(String v, VR vr, boolean high) {
        return switch (vr) {
            case DA -> pad(v, high ? DA_HIGH : DA_LOW);
            case TM -> pad(v, high ? TM_HIGH : TM_LOW);
            default -> pad(v, high ? DA_HIGH + TM_HIGH : DA_LOW + TM_LOW);
        };
    }

    private static String pad(String v, String template) {
        if (v.length() >= template.length()) {
            return v.substring(0, template.length());
        }
        // a fraction shorter than six digits: fill the remaining fraction digits only
        return v + template.substring(v.length());
    }
}
