package io.dicomfind.peers;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The deterministic patient/study/series/instance tree both {@link QueryRetrieveScp} and {@link OrthancPeer} are
 * loaded with, and the Java-side model tests compute expected answers from.
 *
 * <p>20 patients × 2 studies × 2 series × 2 instances = 20 patients, 40 studies, 80 series, 160 instances
 * (Secondary Capture Image Storage, no pixel data).
 * <ul>
 * <li>Patients {@code PID001..PID020}; 14 ASCII names without (0008,0005); {@code ISO_IR 100}: Müller^Jürgen,
 * Øster^Åse, García^José; {@code ISO_IR 192}: 王^小明, Παπαδόπουλος^Νίκος, Иванов^Иван (see {@link #PATIENTS}).</li>
 * <li>Study k (0..39) belongs to patient k/2; StudyDate = 2019-01-01 + 37·k days (2019-01-01 .. 2022-12-14), so
 * 10 studies fall in 2019, 10 in 2020, 10 in 2021, 10 in 2022; AccessionNumber {@code ACC1000+k}; StudyID
 * {@code S<k>}.</li>
 * <li>Series 1 of study k has Modality {@link #MODALITIES}[k % 5] (CT, MR, US, CR, DX); series 2 the same, except
 * {@code OT} when k % 3 == 0.</li>
 * <li>UIDs below {@link #UID_ROOT}: study {@code .1.k}, series {@code .1.k.s}, instance {@code .1.k.s.i}.</li>
 * </ul>
 */
public final class PacsData {

    /** A UUID-derived root (PS3.5 B.2, {@code 2.25.<uuid as integer>}) fixed once, so every run has the same UIDs. */
    public static final String UID_ROOT = "2.25.249110218503414846775041302612020678667";

    /** Secondary Capture Image Storage (PS3.4 B.5). */
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    public static final List<String> MODALITIES = List.of("CT", "MR", "US", "CR", "DX");

    private static final String L1 = "ISO_IR 100";
    private static final String U8 = "ISO_IR 192";

    /** One patient. {@code specificCharacterSet} is null for ASCII names. */
    public record Patient(int index, String id, String name, String specificCharacterSet, String birthDate,
            String sex) {
    }

    public record Study(Patient patient, int index, String uid, String date, String time, String accessionNumber,
            String studyId, String description, String referringPhysician) {
    }

    public record Series(Study study, int number, String uid, String modality, String description) {
    }

    public record Instance(Series series, int number, String sopInstanceUid) {
        public String sopClassUid() {
            return SECONDARY_CAPTURE;
        }
    }

    /** Name and character set of the 20 patients, index 0..19. */
    public static final List<String[]> PATIENTS = List.of(
            new String[] {"DOE^JOHN", null}, new String[] {"DOE^JANE", null},
            new String[] {"SMITH^ANNA", null}, new String[] {"Müller^Jürgen", L1},
            new String[] {"BROWN^EDDIE", null}, new String[] {"王^小明", U8},
            new String[] {"Παπαδόπουλος^Νίκος", U8}, new String[] {"JOHNSON^MARY", null},
            new String[] {"Øster^Åse", L1}, new String[] {"WILLIAMS^ROBERT", null},
            new String[] {"García^José", L1}, new String[] {"MILLER^JAMES", null},
            new String[] {"DAVIS^LINDA", null}, new String[] {"Иванов^Иван", U8},
            new String[] {"WILSON^DAVID", null}, new String[] {"TAYLOR^SUSAN", null},
            new String[] {"ANDERSON^PAUL", null}, new String[] {"THOMAS^KAREN", null},
            new String[] {"MOORE^STEVEN", null}, new String[] {"MARTIN^LISA", null});

    private static final List<String> DESCRIPTIONS = List.of("CT HEAD", "MR KNEE", "CHEST XRAY", "US ABDOMEN",
            "CT CHEST");
    private static final List<String> PHYSICIANS = List.of("HOUSE^GREGORY", "WHO^JOHN", "GREY^MEREDITH");

    private final List<Patient> patients = new ArrayList<>();
    private final List<Study> studies = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();

    private static final PacsData STANDARD = new PacsData();

    private PacsData() {
        DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
        for (int p = 0; p < PATIENTS.size(); p++) {
            patients.add(new Patient(p, String.format("PID%03d", p + 1), PATIENTS.get(p)[0], PATIENTS.get(p)[1],
                    LocalDate.of(1940 + p * 3, 1 + p % 12, 1 + p).format(da), p % 2 == 0 ? "M" : "F"));
        }
        for (int k = 0; k < 2 * patients.size(); k++) {
            Study st = new Study(patients.get(k / 2), k, UID_ROOT + ".1." + k,
                    LocalDate.of(2019, 1, 1).plusDays(37L * k).format(da),
                    String.format("%02d%02d00", 8 + k % 10, (k * 7) % 60), "ACC" + (1000 + k), "S" + k,
                    DESCRIPTIONS.get(k % DESCRIPTIONS.size()), PHYSICIANS.get(k % PHYSICIANS.size()));
            studies.add(st);
            for (int s = 1; s <= 2; s++) {
                String modality = s == 2 && k % 3 == 0 ? "OT" : MODALITIES.get(k % MODALITIES.size());
                Series se = new Series(st, s, st.uid() + "." + s, modality, modality + " SERIES " + s);
                series.add(se);
                for (int i = 1; i <= 2; i++) {
                    instances.add(new Instance(se, i, se.uid() + "." + i));
                }
            }
        }
    }

    /** The one deterministic data set. */
    public static PacsData standard() {
        return STANDARD;
    }

    public List<Patient> patients() {
        return List.copyOf(patients);
    }

    public List<Study> studies() {
        return List.copyOf(studies);
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public int expectedPatients(Predicate<Patient> filter) {
        return (int) patients.stream().filter(filter).count();
    }

    public int expectedStudies(Predicate<Study> filter) {
        return (int) studies.stream().filter(filter).count();
    }

    public int expectedSeries(Predicate<Series> filter) {
        return (int) series.stream().filter(filter).count();
    }

    public int expectedInstances(Predicate<Instance> filter) {
        return (int) instances.stream().filter(filter).count();
    }

    public Study study(int k) {
        return studies.get(k);
    }

    private static List<Path> cachedFiles;

    /**
     * The Part-10 files of {@link #standard()}, written once per JVM into a temp directory (removed at JVM exit) and
     * shared by every peer that loads them.
     */
    public static synchronized List<Path> standardFiles() {
        if (cachedFiles == null) {
            Path dir = Peers.tempDir("pacsdata");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Peers.deleteRecursively(dir), "pacsdata-cleanup"));
            cachedFiles = List.copyOf(STANDARD.writePart10(dir));
        }
        return cachedFiles;
    }

    /** Writes one Part-10 file per instance into {@code dir} (via dump2dcm) and returns them in model order. */
    public List<Path> writePart10(Path dir) {
        // dump2dcm runs once per file; run them in parallel (order of the result still follows the model).
        return instances.parallelStream().map(in -> writeInstance(in, dir)).toList();
    }

    private static Path writeInstance(Instance in, Path dir) {
        {
            Series se = in.series();
            Study st = se.study();
            Patient pa = st.patient();
            DumpFile d = new DumpFile(pa.specificCharacterSet())
                    .element("0008,0016", "UI", in.sopClassUid())
                    .element("0008,0018", "UI", in.sopInstanceUid())
                    .element("0008,0020", "DA", st.date())
                    .element("0008,0030", "TM", st.time())
                    .element("0008,0050", "SH", st.accessionNumber())
                    .element("0008,0060", "CS", se.modality())
                    .element("0008,0064", "CS", "WSD")
                    .element("0008,0090", "PN", st.referringPhysician())
                    .element("0008,1030", "LO", st.description())
                    .element("0008,103e", "LO", se.description())
                    .element("0010,0010", "PN", pa.name())
                    .element("0010,0020", "LO", pa.id())
                    .element("0010,0030", "DA", pa.birthDate())
                    .element("0010,0040", "CS", pa.sex())
                    .element("0020,000d", "UI", st.uid())
                    .element("0020,000e", "UI", se.uid())
                    .element("0020,0010", "SH", st.studyId())
                    .element("0020,0011", "IS", Integer.toString(se.number()))
                    .element("0020,0013", "IS", Integer.toString(in.number()));
            return d.writeDicom(dir.resolve(String.format("img%03d-%d-%d.dcm", st.index(), se.number(),
                    in.number())));
        }
    }
}
