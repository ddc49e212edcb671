package io.dicomfind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.scp.EmbeddedFindScp;
import io.dicomfind.peers.DcmtkFindScu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --result-cap} against an SCP that fails with A700 (out of resources) for any Study Date range longer than 8
 * days, and for any range holding one day: 60 studies on 30 days of 2021. The other ranges are split until they pass; the
 * always-failing day is reported and the run exits 7. (Orthanc's unsolicited Cancel: {@link FindscuTruncationTest}.)
 */
class FindscuSplitTest {
    static final LocalDate FIRST = LocalDate.of(2021, 3, 1);
    static final String BAD_DAY = "20210315";
    static EmbeddedFindScp scp;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        List<Attributes> instances = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Attributes a = new Attributes();
            a.setString(Tag.PatientID, VR.LO, "P" + i);
            a.setString(Tag.StudyInstanceUID, VR.UI, "2.25.77" + i);
            a.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.78" + i);
            a.setString(Tag.SOPInstanceUID, VR.UI, "2.25.79" + i);
            a.setString(Tag.StudyDate, VR.DA, FIRST.plusDays(i / 2).format(DateTimeFormatter.BASIC_ISO_DATE));
            instances.add(a);
        }
        scp = EmbeddedFindScp.builder().port(0).studies(instances).failQueries(r -> {
            String d = r.identifier().getString(Tag.StudyDate);
            if (d == null || !d.contains("-")) {
                return BAD_DAY.equals(d);
            }
            String[] ft = d.split("-", -1);
            LocalDate from = LocalDate.parse(ft[0], DateTimeFormatter.BASIC_ISO_DATE);
            LocalDate to = LocalDate.parse(ft[1], DateTimeFormatter.BASIC_ISO_DATE);
            LocalDate bad = LocalDate.parse(BAD_DAY, DateTimeFormatter.BASIC_ISO_DATE);
            return to.toEpochDay() - from.toEpochDay() > 8 || !bad.isBefore(from) && !bad.isAfter(to);
        }, 0xA700).start();
    }

    @AfterAll
    static void stop() {
        if (scp != null) {
            scp.close();
        }
    }

    @Test
    void outOfResourcesIsSplitAndAnUnsplittableDayIsReported() throws Exception {
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        CommandLineParserTest.Run r = CommandLineParserTest.Run.of("-v", "-S", "-X", "-od", dir.toString(), "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyDate=20210101-20211231", "--result-cap", "100", "-aec",
                scp.aeTitle(), scp.host(), Integer.toString(scp.port()));
        assertEquals(ExitCodes.TRUNCATED_BY_SCP, r.code(), r.err());
        assertTrue(r.err().contains("still truncates StudyDate=" + BAD_DAY + " (0 matches, a single day cannot be"
                + " split): the list is incomplete"), r.err());
        Set<String> uids = new HashSet<>();
        for (Path f : DcmtkFindScu.responseFiles(dir)) {
            uids.add(io.dicomfind.dicom.io.Part10.read(f, io.dicomfind.dicom.io.DecodeLimits.DEFAULT).dataSet()
                    .getString(Tag.StudyInstanceUID));
        }
        assertEquals(58, uids.size(), "every study but the two of the failing day: " + r.err());
        assertEquals(58, DcmtkFindScu.responseFiles(dir).size(), "none twice");
    }
}
