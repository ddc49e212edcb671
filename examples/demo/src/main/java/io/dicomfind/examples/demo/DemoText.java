package io.dicomfind.examples.demo;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Identifiers as the short text the demo prints, and their key attributes as headers. */
public class DemoText {
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int REQUESTED_PROCEDURE_DESCRIPTION = 0x00321060;
    static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    static final int MODALITY = 0x00080060;
    static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    static final int SCHEDULED_PROCEDURE_STEP_START_TIME = 0x00400003;
    static final int STUDY_DATE = 0x00080020;
    static final int MODALITIES_IN_STUDY = 0x00080061;
    static final int STUDY_DESCRIPTION = 0x00081030;

    /** Camel's bean binding creates one; the methods are static. */
    public DemoText() {
    }

    /** {@code DOE^JOHN [PAT001] accession WL001: CT on CT01 at 08:30, CT CHEST W/O CONTRAST}. */
    public static String item(Attributes item) {
        Attributes step = firstStep(item);
        String time = text(step, SCHEDULED_PROCEDURE_STEP_START_TIME);
        if (time.length() >= 4) {
            time = time.substring(0, 2) + ":" + time.substring(2, 4);
        }
        return text(item, PATIENT_NAME) + " [" + text(item, PATIENT_ID) + "] accession " + text(item, ACCESSION_NUMBER)
                + ": " + text(step, MODALITY) + " on " + text(step, SCHEDULED_STATION_AE_TITLE) + " at " + time + ", "
                + text(item, REQUESTED_PROCEDURE_DESCRIPTION);
    }

    /** Worklist items per Scheduled Station AE Title: {@code CT01 2, MR01 1, US01 1}. */
    public static String perStation(List<Attributes> items) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(
                i -> text(firstStep(i), SCHEDULED_STATION_AE_TITLE), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@code 2 earlier studies: 2023-03-14 CT CT CHEST; 2021-06-22 CR CHEST 2 VIEWS}, newest first. */
    public static String studies(List<Attributes> studies) {
        if (studies.isEmpty()) {
            return "no earlier studies";
        }
        return studies.size() + (studies.size() == 1 ? " earlier study: " : " earlier studies: ") + studies.stream()
                .sorted(Comparator.comparing((Attributes s) -> text(s, STUDY_DATE)).reversed())
                .map(s -> date(text(s, STUDY_DATE)) + " " + text(s, MODALITIES_IN_STUDY) + " "
                        + text(s, STUDY_DESCRIPTION))
                .collect(Collectors.joining("; "));
    }

    /** Headers PatientID, PatientName and AccessionNumber from the worklist item in the body. */
    public static void itemHeaders(Exchange exchange) {
        Message m = exchange.getMessage();
        Attributes item = m.getBody(Attributes.class);
        m.setHeader("PatientID", text(item, PATIENT_ID));
        m.setHeader("PatientName", text(item, PATIENT_NAME));
        m.setHeader("AccessionNumber", text(item, ACCESSION_NUMBER));
    }

    private static Attributes firstStep(Attributes item) {
        Sequence steps = item.getSequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        return steps == null || steps.isEmpty() ? new Attributes() : steps.get(0);
    }

    private static String date(String da) {
        return da.length() == 8 ? da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6) : da;
    }

    private static String text(Attributes ds, int tag) {
        String[] values = ds.getStrings(tag);
        return values == null ? "" : String.join("\\", values);
    }
}
