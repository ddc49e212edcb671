package io.dicomfind.camel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.VR;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping table of the component documentation ("Typed query values"), row by row. */
class QueryValueFormatTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final LocalTime EIGHT = LocalTime.of(8, 30, 5);
    private static final LocalDateTime MORNING = LocalDateTime.of(DAY, EIGHT);

    private static String f(VR vr, Object v) {
        return QueryValueFormat.format("body.Key", vr, v);
    }

    private static DicomFindQueryValueException refused(VR vr, Object v) {
        return assertThrows(DicomFindQueryValueException.class, () -> f(vr, v));
    }

    @Test
    void nullIsUniversalMatchingAndStringsPassThrough() {
        assertNull(f(VR.DA, null));
        assertEquals("20260101-20260131", f(VR.DA, "20260101-20260131"));
        assertEquals("DOE*", f(VR.PN, "DOE*"));
        assertEquals("CT\\MR", f(VR.CS, new StringBuilder("CT\\MR")));
        assertEquals("anything", f(VR.DA, "anything"), "text is the user's DICOM: not second-guessed");
    }

    @Test
    void datesAndTimesAsPs35Text() {
        assertEquals("20260115", f(VR.DA, DAY));
        assertEquals("083005", f(VR.TM, EIGHT));
        assertEquals("083005.123456", f(VR.TM, EIGHT.withNano(123_456_000)));
        assertEquals("083005.000001", f(VR.TM, EIGHT.withNano(1_000)));
        assertEquals("20260115083005", f(VR.DT, MORNING));
        assertEquals("20260115", f(VR.DT, DAY), "a DT may stop after the day (PS3.5 6.2)");
        assertEquals("20260115083005+0100", f(VR.DT, OffsetDateTime.of(MORNING, ZoneOffset.ofHours(1))));
        assertEquals("20260115083005-0330", f(VR.DT, OffsetDateTime.of(MORNING, ZoneOffset.ofHoursMinutes(-3, -30))));
        // a zone's offset at that instant: CET in January, CEST in July
        assertEquals("20260115083005+0100", f(VR.DT, ZonedDateTime.of(MORNING, ZoneId.of("Europe/Berlin"))));
        assertEquals("20260715083005+0200",
                f(VR.DT, ZonedDateTime.of(MORNING.withMonth(7), ZoneId.of("Europe/Berlin"))));
        // an Instant in UTC, with the offset said
        assertEquals("20260115073005.250000+0000", f(VR.DT, Instant.parse("2026-01-15T07:30:05.25Z")));
    }

    @Test
    void valuesThatWouldLoseInformationOrNeedAZoneAreRefused() {
        DicomFindQueryValueException e = refused(VR.DA, MORNING);
        assertEquals("body.Key", e.getKey());
        assertEquals(VR.DA, e.getVr());
        assertEquals("java.time.LocalDateTime", e.getValueType());
        assertTrue(e.getMessage().startsWith("body.Key (VR DA): a java.time.LocalDateTime value"), e.getMessage());
        assertTrue(e.getMessage().contains("toLocalDate()"), e.getMessage());
        assertTrue(refused(VR.DA, Instant.EPOCH).getMessage().contains("time zone"));
        assertTrue(refused(VR.DA, ZonedDateTime.of(MORNING, ZoneId.of("UTC"))).getMessage().contains("DA"));
        assertTrue(refused(VR.DA, EIGHT).getMessage().contains("not a date"));
        assertTrue(refused(VR.TM, MORNING).getMessage().contains("toLocalTime()"));
        assertTrue(refused(VR.TM, DAY).getMessage().contains("not a time"));
        assertTrue(refused(VR.TM, Instant.EPOCH).getMessage().contains("time zone"));
        assertTrue(refused(VR.DT, EIGHT).getMessage().contains("without a date"));
        assertTrue(refused(VR.TM, EIGHT.withNano(1)).getMessage().contains("nanoseconds"));
        assertTrue(refused(VR.DT, OffsetDateTime.of(MORNING, ZoneOffset.ofHours(-13))).getMessage()
                .contains("-1200 to +1400"));
        assertTrue(refused(VR.DA, LocalDate.of(10000, 1, 1)).getMessage().contains("0000-9999"));
        assertTrue(refused(VR.LO, DAY).getMessage().contains("only DA, TM and DT"));
    }

    @Test
    void numbersForNumericVrsWithinTheirLimits() {
        assertEquals("42", f(VR.IS, 42));
        assertEquals("-2147483648", f(VR.IS, Integer.MIN_VALUE));
        assertEquals("7", f(VR.IS, 7.0));
        assertEquals("7", f(VR.IS, new BigDecimal("7.000")));
        assertTrue(refused(VR.IS, 2147483648L).getMessage().contains("-2147483648 to 2147483647"));
        assertTrue(refused(VR.IS, 1.5).getMessage().contains("fraction"));
        assertEquals("0.1", f(VR.DS, 0.1));
        assertEquals("0.1", f(VR.DS, 0.1f), "a float as written, not widened to 0.10000000149011612");
        assertEquals("1.0E-5", f(VR.DS, 1.0e-5));
        assertEquals("12345678901234", f(VR.DS, 12345678901234L));
        assertEquals("2.5", f(VR.DS, new BigDecimal("2.5")));
        assertTrue(refused(VR.DS, 1.0 / 3).getMessage().contains("at most 16"));
        assertTrue(refused(VR.DS, Double.NaN).getMessage().contains("NaN"));
        assertEquals("65535", f(VR.US, 65535));
        assertTrue(refused(VR.US, -1).getMessage().contains("0 to 65535"));
        assertEquals("4294967295", f(VR.UL, 4294967295L));
        assertEquals("18446744073709551615", f(VR.UV, new BigInteger("18446744073709551615")));
        assertEquals("1.5", f(VR.FD, 1.5));
        assertTrue(refused(VR.LO, 12345).getMessage().contains("leading zeros"));
    }

    @Test
    void listsAndArraysAreSeveralValues() {
        assertEquals("CT\\MR", f(VR.CS, List.of("CT", "MR")));
        assertEquals("AA32\\AB45", f(VR.AE, new String[] {"AA32", "AB45"}));
        assertEquals("1\\2\\3", f(VR.IS, new int[] {1, 2, 3}));
        assertEquals("1.5\\2", f(VR.DS, List.of(1.5, new BigDecimal("2"))));
        assertEquals("X", f(VR.LT, List.of("X")));
        assertNull(f(VR.CS, List.of()), "no values: universal matching");
        assertTrue(refused(VR.DA, List.of(DAY, DAY.plusDays(1))).getMessage().contains("DicomRange"));
        assertTrue(refused(VR.LT, List.of("a", "b")).getMessage().contains("LT has one"));
        assertEquals("null", assertThrows(DicomFindQueryValueException.class,
                () -> f(VR.CS, java.util.Arrays.asList("CT", null))).getValueType());
        assertThrows(DicomFindQueryValueException.class, () -> f(VR.CS, List.of(List.of("CT"))));
    }

    @Test
    void rangesForDatesAndTimes() {
        assertEquals("20260101-20260131", f(VR.DA, DicomRange.between(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31))));
        assertEquals("20260101-", f(VR.DA, DicomRange.from(LocalDate.of(2026, 1, 1))));
        assertEquals("-20260131", f(VR.DA, DicomRange.until("20260131")));
        assertEquals("080000-120000", f(VR.TM, DicomRange.between(LocalTime.of(8, 0), LocalTime.of(12, 0))));
        assertEquals("220000-060000", f(VR.TM, DicomRange.between(LocalTime.of(22, 0), LocalTime.of(6, 0))),
                "a time range may cross midnight");
        assertEquals("20260115000000+0000-20260116000000+0000", f(VR.DT, DicomRange.between(
                Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-01-16T00:00:00Z"))));
        assertTrue(refused(VR.DA, DicomRange.between(DAY, DAY.minusDays(1))).getMessage().contains("ends before"));
        assertTrue(refused(VR.LO, DicomRange.from("A")).getMessage().contains("only DA, TM and DT"));
        assertTrue(refused(VR.DA, DicomRange.from(MORNING)).getMessage().contains("toLocalDate()"));
        assertThrows(IllegalArgumentException.class, () -> DicomRange.between(null, null));
    }

    @Test
    void typesWithoutADicomFormAreRefusedNamingKeyVrAndType() {
        DicomFindQueryValueException b = refused(VR.CS, Boolean.TRUE);
        assertEquals("java.lang.Boolean", b.getValueType());
        assertTrue(b.getMessage().contains("body.Key (VR CS)"), b.getMessage());
        assertEquals("java.util.Date", refused(VR.DA, new Date()).getValueType());
        assertEquals("java.lang.Object", refused(VR.LO, new Object()).getValueType());
        assertTrue(refused(VR.SQ, 1).getMessage().contains("sequence"));
        assertEquals("java.lang.Boolean", refused(VR.CS, List.of("CT", Boolean.TRUE)).getValueType());
    }
}
