package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which keys of a Query/Retrieve Identifier the SCP supports. A supported key is matched and returned; an
 * unsupported one is ignored for matching and left out of the responses (PS3.4 C.2.2.1.2: an SCP need not support
 * Optional Keys). (0008,0005) and (0008,0052) are always handled.
 */
public final class SupportedKeys {
    /** Every attribute of the stored data sets (the default). */
    public static final SupportedKeys ALL = new SupportedKeys(null, "all stored attributes");

    /**
     * The attributes DCMTK's dcmqrscp keeps in its index (its documented key table): the Unique and Required Keys
     * of PS3.4 C.6.1.1 and some Optional Keys. Use it to get exactly dcmqrscp's answers.
     */
    public static final SupportedKeys DCMQRSCP = of("dcmqrscp index",
            // PATIENT
            0x00100030, 0x00100040, 0x00100010, 0x00100020, 0x00100032, 0x00101000, 0x00101001, 0x00102160,
            0x00104000, 0x00201200, 0x00201202, 0x00201204,
            // STUDY
            0x00080020, 0x00080030, 0x00200010, 0x00080050, 0x00080090, 0x00081030, 0x00081060, 0x0020000D,
            0x00201070, 0x00081080, 0x00101010, 0x00101020, 0x00101030, 0x00102180, 0x001021B0, 0x00201206,
            0x00201208,
            // SERIES
            0x00200011, 0x0020000E, 0x00080060,
            // IMAGE
            0x00200013, 0x00080018);

    private final Set<Integer> tags;
    private final String name;

    private SupportedKeys(Set<Integer> tags, String name) {
        this.tags = tags;
        this.name = name;
    }

    /** Only these top-level attributes (tags as {@code 0xggggeeee}). */
    public static SupportedKeys of(String name, int... tags) {
        return new SupportedKeys(Arrays.stream(tags).boxed().collect(Collectors.toUnmodifiableSet()), name);
    }

    public boolean supports(int tag) {
        return tags == null || tags.contains(tag) || tag == Tag.SpecificCharacterSet
                || tag == Tag.QueryRetrieveLevel;
    }

    /** {@code keys} without the unsupported ones (the same instance when all are supported). */
    Attributes filter(Attributes keys) {
        if (tags == null) {
            return keys;
        }
        Attributes out = new Attributes();
        // the character set first, so that raw values keep their meaning in the copy
        for (int i = 0; i < keys.size(); i++) {
            if (supports(keys.tagAt(i))) {
                out.set(keys.tagAt(i), keys.vrAt(i), keys.valueAt(i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
