package io.dicomfind.examples.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dicomfind.dicom.data.Attributes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    private static String startDate(Attributes item) {
        return item.getSequence(SampleData.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(0)
                .getString(SampleData.SCHEDULED_PROCEDURE_STEP_START_DATE);
    }

    @Test
    void worklistIsScheduledAroundTheGivenDay() {
        List<Attributes> items = SampleData.worklist(LocalDate.of(2030, 2, 28));
        Map<String, Long> perDay = items.stream()
                .collect(Collectors.groupingBy(SampleDataTest::startDate, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("20300227", 1L, "20300228", 4L, "20300301", 1L), perDay);
        assertEquals("20300228", startDate(SampleData.lateOrders(LocalDate.of(2030, 2, 28)).get(0)));
    }

    @Test
    void filesKeepTheSampleDay() {
        assertEquals(4, SampleData.worklist(SampleData.SAMPLE_DAY).stream()
                .filter(i -> startDate(i).equals("20250106")).count());
    }

    @Test
    void studiesAreReadAsStored() {
        List<Attributes> studies = SampleData.studies();
        assertEquals(6, studies.size());
        assertEquals("MÜLLER^ANNA", studies.stream().filter(s -> "PAT002".equals(s.getString(0x00100020)))
                .findFirst().orElseThrow().getString(0x00100010));
    }
}
