package io.dicomfind.camel;

import io.dicomfind.dicom.data.VR;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * java.time values as DA, TM and DT text (PS3.5 6.2): DA {@code YYYYMMDD}, TM {@code HHMMSS[.FFFFFF]}, DT
 * {@code YYYYMMDDHHMMSS[.FFFFFF][&ZZXX]}. A value is never cut to fit: a date-time for a DA key, or a value with
 * nanoseconds, is refused rather than silently made into another query.
 *
 * <p>Zones: a {@code ZonedDateTime} or {@code OffsetDateTime} is sent with its offset ({@code &ZZXX}); an
 * {@code Instant} is sent in UTC with {@code +0000}, the one offset that names the same instant on every SCP
 * whatever its own zone; a {@code LocalDateTime} has no offset, so the SCP reads it in its own (or the query's
 * Timezone Offset From UTC, (0008,0201)). A DA or TM key has no offset at all, so a zoned value or an Instant is refused
 * for it: which day or hour it is depends on a zone the component would have to guess.
 */
final class TemporalText {
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final ZoneOffset MIN_OFFSET = ZoneOffset.ofHours(-12);
    private static final ZoneOffset MAX_OFFSET = ZoneOffset.ofHours(14);

    private TemporalText() {
    }

    static String format(String key, VR vr, Object v) {
        return switch (vr) {
            case DA -> date(key, vr, v);
            case TM -> time(key, vr, v);
            case DT -> dateTime(key, vr, v);
            default -> throw QueryValueFormat.refuse(key, vr, v, "is a date or time, which only DA, TM and DT keys"
                    + " take; give a String");
        };
    }

    private static String date(String key, VR vr, Object v) {
        if (v instanceof LocalDate d) {
            return day(key, vr, d);
        }
        if (v instanceof LocalTime) {
            throw QueryValueFormat.refuse(key, vr, v, "is a time of day, not a date (DA is YYYYMMDD, PS3.5 6.2)");
        }
        if (v instanceof Instant) {
            throw QueryValueFormat.refuse(key, vr, v, "names no calendar day without a time zone; give a LocalDate,"
                    + " e.g. LocalDate.ofInstant(instant, zone)");
        }
        throw QueryValueFormat.refuse(key, vr, v, "holds a time of day a DA key cannot (YYYYMMDD, PS3.5 6.2); give"
                + " its LocalDate (toLocalDate()), or a DT key");
    }

    private static String time(String key, VR vr, Object v) {
        if (v instanceof LocalTime t) {
            return t.format(TM) + fraction(key, vr, v, t.getNano());
        }
        if (v instanceof LocalDate) {
            throw QueryValueFormat.refuse(key, vr, v, "is a date, not a time of day (TM is HHMMSS.FFFFFF, PS3.5"
                    + " 6.2)");
        }
        if (v instanceof Instant) {
            throw QueryValueFormat.refuse(key, vr, v, "names no time of day without a time zone; give a LocalTime");
        }
        throw QueryValueFormat.refuse(key, vr, v, "holds a date a TM key cannot (HHMMSS.FFFFFF, PS3.5 6.2); give"
                + " its LocalTime (toLocalTime()), or a DT key");
    }

    private static String dateTime(String key, VR vr, Object v) {
        if (v instanceof LocalDate d) {
            return day(key, vr, d); // PS3.5 6.2: a DT may stop after any component
        }
        if (v instanceof LocalDateTime t) {
            return local(key, vr, v, t);
        }
        OffsetDateTime o;
        if (v instanceof OffsetDateTime x) {
            o = x;
        } else if (v instanceof ZonedDateTime z) {
            o = z.toOffsetDateTime();
        } else if (v instanceof Instant i) {
            o = i.atOffset(ZoneOffset.UTC);
        } else {
            throw QueryValueFormat.refuse(key, vr, v, "is a time of day without a date; DT is"
                    + " YYYYMMDDHHMMSS.FFFFFF&ZZXX (PS3.5 6.2)");
        }
        return local(key, vr, v, o.toLocalDateTime()) + offset(key, vr, v, o.getOffset());
    }

    private static String day(String key, VR vr, Object v) {
        LocalDate d = v instanceof LocalDate x ? x : ((LocalDateTime) v).toLocalDate();
        if (d.getYear() < 0 || d.getYear() > 9999) {
            throw QueryValueFormat.refuse(key, vr, v, "has a year outside 0000-9999 (PS3.5 6.2)");
        }
        return d.format(DA);
    }

    private static String local(String key, VR vr, Object v, LocalDateTime t) {
        day(key, vr, t);
        return t.format(DT) + fraction(key, vr, v, t.getNano());
    }

    /** PS3.5 6.2: at most six fractional digits; nanoseconds would be cut, so they are refused. */
    private static String fraction(String key, VR vr, Object v, int nanos) {
        if (nanos == 0) {
            return "";
        }
        if (nanos % 1000 != 0) {
            throw QueryValueFormat.refuse(key, vr, v, "has nanoseconds; " + vr + " carries microseconds at most"
                    + " (FFFFFF, PS3.5 6.2): truncate it, e.g. truncatedTo(ChronoUnit.MICROS)");
        }
        return String.format(".%06d", nanos / 1000);
    }

    private static String offset(String key, VR vr, Object v, ZoneOffset z) {
        int seconds = z.getTotalSeconds();
        if (seconds % 60 != 0 || seconds < MIN_OFFSET.getTotalSeconds() || seconds > MAX_OFFSET.getTotalSeconds()) {
            throw QueryValueFormat.refuse(key, vr, v, "has the offset " + z + "; DT offsets are whole minutes from"
                    + " -1200 to +1400 (PS3.5 6.2)");
        }
        int minutes = Math.abs(seconds) / 60;
        return String.format("%c%02d%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
    }
}
