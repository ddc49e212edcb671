package io.dicomfind.examples.sample;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample data set shipped as DICOM JSON files (PS3.18 F.2) under {@code io/dicomfind/examples/sample/}:
 * <ul>
 * <li>{@code worklist/}: six Modality Worklist items (PS3.4 K) for stations {@code CT01}, {@code MR01} and
 *     {@code US01}, written for the sample day {@value #SAMPLE_DAY_TEXT}: four on that day, one the day after, one the
 *     day before;</li>
 * <li>{@code late-orders/}: one more CT01 item for the sample day, which the demo adds while it runs;</li>
 * <li>{@code studies/}: six composite instances (five studies) of four of those patients, the priors a PACS holds.</li>
 * </ul>
 * The files keep the fixed sample day so that any DICOM tool reads them as they are; {@link #worklist(LocalDate)}
 * moves every Scheduled Procedure Step Start Date by the distance from the sample day to the given day, so a query
 * for "today's worklist" finds the sample day's items whenever the examples run.
 */
public final class SampleData {

    static final String SAMPLE_DAY_TEXT = "2025-01-06";
    /** The day the sample worklist files are scheduled for. */
    public static final LocalDate SAMPLE_DAY = LocalDate.parse(SAMPLE_DAY_TEXT);

    /** Scheduled Procedure Step Sequence (0040,0100) and its Scheduled Procedure Step Start Date (0040,0002). */
    static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    static final int SCHEDULED_PROCEDURE_STEP_START_DATE = 0x00400002;

    private static final String BASE = "/io/dicomfind/examples/sample/";
    private static final List<String> WORKLIST = List.of("wl001", "wl002", "wl003", "wl004", "wl005", "wl006");
    private static final List<String> LATE_ORDERS = List.of("wl007");
    private static final List<String> STUDIES = List.of("pat001-a1001-1", "pat001-a1001-2", "pat001-a0871-1",
            "pat002-a0955-1", "pat003-a1187-1", "pat004-a1342-1");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE; // PS3.5 6.2: YYYYMMDD

    private SampleData() {
    }

    /** The six worklist items, scheduled relative to {@code today} as they are to the sample day. */
    public static List<Attributes> worklist(LocalDate today) {
        return readAll("worklist/", WORKLIST, today);
    }

    /** The orders that arrive late (the demo adds them while it polls), scheduled for {@code today}. */
    public static List<Attributes> lateOrders(LocalDate today) {
        return readAll("late-orders/", LATE_ORDERS, today);
    }

    /** The composite instances of the patients' earlier studies, as stored (their dates are in the past). */
    public static List<Attributes> studies() {
        return readAll("studies/", STUDIES, null);
    }

    private static List<Attributes> readAll(String folder, List<String> names, LocalDate today) {
        List<Attributes> all = new ArrayList<>();
        for (String name : names) {
            Attributes ds = read(folder + name + ".json");
            if (today != null) {
                moveScheduledDates(ds, ChronoUnit.DAYS.between(SAMPLE_DAY, today));
            }
            all.add(ds);
        }
        return all;
    }

    /** Reads one DICOM JSON resource below {@code io/dicomfind/examples/sample/}. */
    static Attributes read(String resource) {
        try (InputStream in = SampleData.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("sample data file " + BASE + resource + " is missing from the classpath");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); // PS3.18 F.2: JSON is UTF-8
            return new JsonReader().readDataSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data file " + BASE + resource, e);
        }
    }

    /** Moves (0040,0002) of every Scheduled Procedure Step item by {@code days}. */
    static void moveScheduledDates(Attributes item, long days) {
        Sequence steps = item.getSequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        if (steps == null) {
            return;
        }
        for (Attributes step : steps) {
            String date = step.getString(SCHEDULED_PROCEDURE_STEP_START_DATE);
            if (date != null && !date.isEmpty()) {
                step.setString(SCHEDULED_PROCEDURE_STEP_START_DATE, VR.DA,
                        LocalDate.parse(date, DA).plusDays(days).format(DA));
            }
        }
    }
}
