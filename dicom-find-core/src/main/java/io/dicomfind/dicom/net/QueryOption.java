package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.ExtendedNegotiation;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bytes of the C-FIND SOP Class Extended Negotiation sub-item of the Query/Retrieve FIND SOP classes (PS3.4
 * C.5.1.1, PS3.7 D.3.3.5), in byte order: each is 1 when the requestor asks for the feature, and in the answer 1
 * when the acceptor supports it. A byte the answer leaves out (the field may be truncated) or sets to 0 is a feature
 * not supported.
 */
public enum QueryOption {
    /** Byte 1: relational queries (PS3.4 C.4.1.2.2) instead of hierarchical ones. */
    RELATIONAL("relational queries"),
    /** Byte 2: combined date and time range matching (PS3.4 C.2.2.2.5.1). */
    DATETIME("combined date and time matching"),
    /** Byte 3: fuzzy semantic matching of person names (PS3.4 C.2.2.2.1.1). */
    FUZZY("fuzzy semantic matching of person names"),
    /** Byte 4: timezone query adjustment (PS3.4 C.4.1.1.3.2). */
    TIMEZONE("timezone query adjustment"),
    /** Byte 5: enhanced multi-frame image conversion (PS3.4 C.4.1.1.9, C.6.1.1.9). */
    ENHANCED_MULTIFRAME("enhanced multi-frame image conversion"),
    /** Byte 6: empty value matching (PS3.4 C.2.2.2.6). */
    EMPTY_VALUE("empty value matching"),
    /** Byte 7: multiple value matching (PS3.4 C.2.2.2.7). */
    MULTIPLE_VALUE("multiple value matching");

    private final String description;

    QueryOption(String description) {
        this.description = description;
    }

    /** In words, as messages and the conformance statement use them. */
    public String description() {
        return description;
    }

    /** The SOP classes the C-FIND extended negotiation of PS3.4 C.5.1.1 applies to. */
    public static boolean appliesTo(String sopClassUid) {
        return SopClasses.PATIENT_ROOT_FIND.equals(sopClassUid) || SopClasses.STUDY_ROOT_FIND.equals(sopClassUid)
                || SopClasses.PATIENT_STUDY_ONLY_FIND.equals(sopClassUid);
    }

    /**
     * The service-class-application-information field asking for {@code options}: one byte per option up to the
     * last one asked for (the field may be truncated there, PS3.4 C.5.1.1.1), 1 where asked, else 0.
     */
    public static byte[] encode(Set<QueryOption> options) {
        int last = options.stream().mapToInt(Enum::ordinal).max().orElse(-1);
        byte[] info = new byte[last + 1];
        for (QueryOption o : options) {
            info[o.ordinal()] = 1;
        }
        return info;
    }

    /** The options an answer's field supports (byte value 1); null means no sub-item, so none. */
    public static Set<QueryOption> decode(ExtendedNegotiation answer) {
        Set<QueryOption> set = EnumSet.noneOf(QueryOption.class);
        if (answer != null) {
            for (QueryOption o : values()) {
                if (answer.byteAt(o.ordinal()) == 1) {
                    set.add(o);
                }
            }
        }
        return set;
    }

    /** "relational queries, fuzzy semantic matching of person names". */
    public static String describe(Collection<QueryOption> options) {
        return options.isEmpty() ? "none"
                : options.stream().map(QueryOption::description).collect(Collectors.joining(", "));
    }
}
