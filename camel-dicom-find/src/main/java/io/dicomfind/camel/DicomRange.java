package io.dicomfind.camel;

/**
 * A range matching value (PS3.4 C.2.2.2.5) for a DA, TM or DT key in a {@code Map} query body or a
 * {@code CamelDicomFindKey.*} header: {@code DicomRange.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))}
 * is sent as {@code 20260101-20260131}. Either end may be open ({@link #from}, {@link #until}), not both. The ends are
 * formatted like any other value of the key's VR, so they may be {@code java.time} values or DICOM text.
 *
 * <p>A {@code List} of two dates is <em>not</em> a range: a List is several values (PS3.5 6.4), which a date key
 * cannot hold, and is refused for DA, TM and DT keys rather than guessed at.
 *
 * @param lower the earliest value, or null for "up to {@code upper}"
 * @param upper the latest value, or null for "from {@code lower} on"
 */
public record DicomRange(Object lower, Object upper) {

    public DicomRange {
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("a DicomRange needs at least one end; for universal matching give the"
                    + " key a null value");
        }
    }

    /** Both ends included (PS3.4 C.2.2.2.5.1: "A-B"). */
    public static DicomRange between(Object lower, Object upper) {
        return new DicomRange(lower, upper);
    }

    /** From {@code lower} on ("A-"). */
    public static DicomRange from(Object lower) {
        return new DicomRange(lower, null);
    }

    /** Up to {@code upper} ("-B"). */
    public static DicomRange until(Object upper) {
        return new DicomRange(null, upper);
    }
}
