package io.dicomfind.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The named C-FIND queries equivalence tests run against the three peers, each with findscu arguments and the
 * expected number of responses computed from {@link PacsData} and {@link WorklistData}.
 *
 * <p>Coverage: Patient Root ({@code -P}), Study Root ({@code -S}), Patient/Study Only ({@code -O}) and Modality
 * Worklist ({@code -W}); levels PATIENT, STUDY, SERIES, IMAGE; single value, wildcard ({@code *} {@code ?}), date
 * range (closed, open start, open end), time range, UID list and sequence matching (PS3.4 C.2.2.2); return keys
 * including type-2 sequences; non-ASCII names in ISO_IR 100, ISO_IR 192 and ISO 2022 IR 87 with (0008,0005) in the
 * query; queries with no match. Hierarchical queries below STUDY give the unique keys of the levels above
 * (PS3.4 C.4.1.2.2.1), which dcmqrscp requires.
 */
public final class QueryCorpus {

    private static final PacsData D = PacsData.standard();
    private static final String NAME = "(0010,0010)";
    private static final List<CorpusQuery> ALL = build();

    private QueryCorpus() {
    }

    /** Every query. */
    public static List<CorpusQuery> all() {
        return ALL;
    }

    public static List<CorpusQuery> forPeer(PeerKind kind) {
        return ALL.stream().filter(q -> q.peer() == kind).toList();
    }

    public static CorpusQuery named(String name) {
        return ALL.stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus query named " + name));
    }

    private static List<CorpusQuery> build() {
        QueryList q = new QueryList();
        PacsData.Study s0 = D.study(0);
        PacsData.Study s2 = D.study(2);
        PacsData.Study s3 = D.study(3);
        PacsData.Study s7 = D.study(7);

        // ---- dcmqrscp: Patient Root, Study Root, Patient/Study Only
        q.add(qr("qr-patient-root-all-patients", "all patients with demographics",
                D.patients().size(), args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientName", "-k",
                        "PatientID", "-k", "PatientBirthDate", "-k", "PatientSex")));
        q.add(qr("qr-patient-root-name-wildcard", "PN wildcard * at patient level",
                D.expectedPatients(p -> p.name().startsWith("DOE")),
                args("-P", "-k", "0008,0052=PATIENT", "-k", "PatientName=DOE*", "-k", "PatientID")));
        q.add(qr("qr-patient-root-sex", "single value match on a CS key",
                D.expectedPatients(p -> p.sex().equals("F")),
                args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientSex=F", "-k", "PatientID")));
        q.add(qr("qr-patient-root-studies-of-patient", "Patient Root STUDY level below one patient",
                D.expectedStudies(s -> s.patient().id().equals("PID001")),
                args("-P", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PID001", "-k", "StudyInstanceUID",
                        "-k", "StudyDate", "-k", "AccessionNumber")));
        q.add(qr("qr-patient-root-series", "Patient Root SERIES level with patient and study unique keys",
                D.expectedSeries(se -> se.study() == s2),
                args("-P", "-k", "QueryRetrieveLevel=SERIES", "-k", "PatientID=" + s2.patient().id(), "-k",
                        "StudyInstanceUID=" + s2.uid(), "-k", "SeriesInstanceUID", "-k", "Modality")));
        q.add(qr("qr-study-root-all-studies", "all studies, common return keys, stored character sets",
                D.studies().size(), args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k",
                        "StudyDate", "-k", "StudyTime", "-k", "AccessionNumber", "-k", "PatientName", "-k",
                        "PatientID", "-k", "StudyDescription", "-k", "StudyID")));
        q.add(qr("qr-study-date-range", "closed date range",
                D.expectedStudies(dateIn("20200101", "20201231")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=20200101-20201231", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-date-open-start", "date range without a start",
                D.expectedStudies(dateIn("00000000", "20201231")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=-20201231", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-date-open-end", "date range without an end",
                D.expectedStudies(dateIn("20220101", "99999999")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=20220101-", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-time-range", "time range",
                D.expectedStudies(s -> s.time().compareTo("080000") >= 0 && s.time().compareTo("115959") <= 0),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyTime=080000-115959", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-uid-list", "list of UID matching (backslash-separated)", 3,
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                        "StudyInstanceUID=" + s0.uid() + "\\" + s3.uid() + "\\" + s7.uid(), "-k",
                        "AccessionNumber")));
        q.add(qr("qr-study-accession-question-mark", "single-character wildcard ?",
                D.expectedStudies(s -> s.accessionNumber().matches("ACC100.")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "AccessionNumber=ACC100?", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-name-components-wildcard", "wildcards in two PN components",
                D.expectedStudies(s -> s.patient().name().matches("D.*\\^J.*")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientName=D*^J*", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-no-match", "no match: only the final Success response",
                0, args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=NOSUCHPATIENT", "-k",
                        "StudyInstanceUID")));
        q.add(qr("qr-study-root-series-of-study", "Study Root SERIES level",
                D.expectedSeries(se -> se.study() == s0),
                args("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + s0.uid(), "-k",
                        "SeriesInstanceUID", "-k", "Modality", "-k", "SeriesNumber")));
        q.add(qr("qr-study-root-series-modality", "SERIES level with a matching key",
                D.expectedSeries(se -> se.study() == s3 && se.modality().equals("CR")),
                args("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + s3.uid(), "-k",
                        "Modality=CR", "-k", "SeriesInstanceUID")));
        PacsData.Series se31 = D.series().stream().filter(se -> se.study() == s3 && se.number() == 1).findFirst()
                .orElseThrow();
        q.add(qr("qr-study-root-image-level", "IMAGE level with study and series unique keys",
                D.expectedInstances(in -> in.series() == se31),
                args("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + s3.uid(), "-k",
                        "SeriesInstanceUID=" + se31.uid(), "-k", "SOPInstanceUID", "-k", "SOPClassUID", "-k",
                        "InstanceNumber")));
        q.add(qr("qr-psonly-patients", "Patient/Study Only PATIENT level with wildcard",
                D.expectedPatients(p -> p.id().startsWith("PID01")),
                args("-O", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=PID01*", "-k", "PatientName")));
        q.add(qr("qr-psonly-studies", "Patient/Study Only STUDY level",
                D.expectedStudies(s -> s.patient().id().equals("PID005")),
                args("-O", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PID005", "-k", "StudyInstanceUID",
                        "-k", "StudyDescription")));
        q.add(qr("qr-utf8-all-names", "(0008,0005)=ISO_IR 192 in the query: dcmqrscp converts every answer",
                D.studies().size(), args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                        "SpecificCharacterSet=ISO_IR 192", "-k", "PatientName", "-k", "StudyInstanceUID"))
                .withValues("(0008,0005)", Set.of("ISO_IR 192")));
        q.add(qr("qr-latin1-name", "ISO_IR 100 query for a Latin-1 name",
                D.expectedStudies(s -> s.patient().name().startsWith("Müller")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"))
                .withFile(QueryFile.of("latin1.dcm", "ISO_IR 100", "0010,0010", "PN", "Müller*"))
                .withValues(NAME, Set.of("Müller^Jürgen")));
        q.add(qr("qr-utf8-name-chinese", "ISO_IR 192 query for a Chinese name",
                D.expectedStudies(s -> s.patient().name().startsWith("王")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"))
                .withFile(QueryFile.of("utf8-zh.dcm", "ISO_IR 192", "0010,0010", "PN", "王*"))
                .withValues(NAME, Set.of("王^小明")));
        q.add(qr("qr-utf8-name-greek-patient", "ISO_IR 192 exact match at Patient Root PATIENT level",
                D.expectedPatients(p -> p.name().equals("Παπαδόπουλος^Νίκος")),
                args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID"))
                .withFile(QueryFile.of("utf8-el.dcm", "ISO_IR 192", "0010,0010", "PN", "Παπαδόπουλος^Νίκος"))
                .withValues(NAME, Set.of("Παπαδόπουλος^Νίκος")));

        // ---- Orthanc
        q.add(orthanc("orthanc-patient-root-all-patients", "all patients",
                D.patients().size(), args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientName", "-k",
                        "PatientID", "-k", "PatientSex")));
        q.add(orthanc("orthanc-patient-id-question-mark", "single-character wildcard ?",
                D.expectedPatients(p -> p.id().matches("PID00.")),
                args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=PID00?", "-k", "PatientName")));
        q.add(orthanc("orthanc-patient-root-studies", "Patient Root STUDY level below one patient",
                D.expectedStudies(s -> s.patient().id().equals("PID010")),
                args("-P", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PID010", "-k", "StudyInstanceUID",
                        "-k", "StudyDate")));
        q.add(orthanc("orthanc-study-root-all-studies", "all studies, answers re-encoded as ISO_IR 192",
                D.studies().size(), args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k",
                        "StudyDate", "-k", "PatientName", "-k", "AccessionNumber")));
        q.add(orthanc("orthanc-study-date-range", "closed date range",
                D.expectedStudies(dateIn("20210101", "20211231")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=20210101-20211231", "-k",
                        "StudyInstanceUID")));
        q.add(orthanc("orthanc-study-date-open-start", "date range without a start",
                D.expectedStudies(dateIn("00000000", "20191231")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=-20191231", "-k",
                        "StudyInstanceUID")));
        q.add(orthanc("orthanc-modalities-in-study", "ModalitiesInStudy matching (Orthanc supports it)",
                D.expectedStudies(s -> D.series().stream().anyMatch(
                        se -> se.study() == s && se.modality().equals("MR"))),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "ModalitiesInStudy=MR", "-k",
                        "StudyInstanceUID")));
        q.add(orthanc("orthanc-study-uid-list", "list of UID matching",
                2, args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                        "StudyInstanceUID=" + s2.uid() + "\\" + s7.uid(), "-k", "PatientID")));
        q.add(orthanc("orthanc-series-of-study", "Study Root SERIES level",
                D.expectedSeries(se -> se.study() == s7),
                args("-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + s7.uid(), "-k",
                        "SeriesInstanceUID", "-k", "Modality", "-k", "SeriesNumber")));
        q.add(orthanc("orthanc-image-level", "IMAGE level with study and series unique keys",
                D.expectedInstances(in -> in.series() == se31),
                args("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + s3.uid(), "-k",
                        "SeriesInstanceUID=" + se31.uid(), "-k", "SOPInstanceUID", "-k", "InstanceNumber")));
        q.add(orthanc("orthanc-latin1-name", "ISO_IR 100 query; Orthanc answers in its default encoding",
                D.expectedPatients(p -> p.name().startsWith("Müller")),
                args("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID"))
                .withFile(QueryFile.of("latin1.dcm", "ISO_IR 100", "0010,0010", "PN", "Müller*"))
                .withValues(NAME, Set.of("Müller^Jürgen")));
        q.add(orthanc("orthanc-utf8-name-cyrillic", "ISO_IR 192 query for a Cyrillic name",
                D.expectedStudies(s -> s.patient().name().startsWith("Иванов")),
                args("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"))
                .withFile(QueryFile.of("utf8-ru.dcm", "ISO_IR 192", "0010,0010", "PN", "Иванов*"))
                .withValues(NAME, Set.of("Иванов^Иван")));

        // ---- wlmscpfs: Modality Worklist
        String sps = "ScheduledProcedureStepSequence[0].";
        q.add(wl("wl-all", "every worklist item with sequence return keys",
                WorklistData.ALL.size(), args("-W", "-k", "PatientName", "-k", "PatientID", "-k",
                        "AccessionNumber", "-k", "(0040,0100)[0].Modality", "-k",
                        sps + "ScheduledStationAETitle", "-k", sps + "ScheduledProcedureStepStartDate")));
        q.add(wl("wl-modality-ct", "sequence matching key (0040,0100)[0].Modality",
                WorklistData.count(i -> i.modality().equals("CT")),
                args("-W", "-k", "(0040,0100)[0].Modality=CT", "-k", "PatientName", "-k", "AccessionNumber")));
        q.add(wl("wl-station-ae", "sequence matching key by dictionary names",
                WorklistData.count(i -> i.stationAeTitles().contains("MR01")),
                args("-W", "-k", sps + "ScheduledStationAETitle=MR01", "-k", "PatientID")));
        q.add(wl("wl-date-range", "date range inside the sequence",
                WorklistData.count(i -> between(i.startDate(), "20240115", "20240117")),
                args("-W", "-k", sps + "ScheduledProcedureStepStartDate=20240115-20240117", "-k",
                        "AccessionNumber")));
        q.add(wl("wl-date-open-start", "date range without a start (DCMTK example items)",
                WorklistData.count(i -> between(i.startDate(), "00000000", "19951231")),
                args("-W", "-k", sps + "ScheduledProcedureStepStartDate=-19951231", "-k", "AccessionNumber")));
        q.add(wl("wl-name-wildcard", "PN wildcard over DCMTK's example items",
                WorklistData.count(i -> i.patientName().startsWith("HAYDN")),
                args("-W", "-k", "PatientName=HAYDN*", "-k", "PatientID")));
        q.add(wl("wl-name-question-mark", "single-character wildcard ?",
                WorklistData.count(i -> i.patientName().matches("DOE\\^JOH.")),
                args("-W", "-k", "PatientName=DOE^JOH?", "-k", "PatientID")));
        q.add(wl("wl-type2-sequences", "empty type-2 sequences and a nested non-ASCII PN as return keys", 1,
                args("-W", "-k", "AccessionNumber=WL0001", "-k", "ReferencedStudySequence", "-k",
                        "ReferencedPatientSequence", "-k", "PatientName", "-k",
                        sps + "ScheduledPerformingPhysicianName"))
                .withValues("(0040,0100)[0].(0040,0006)", Set.of("Schäfer^Eva"))
                .withValues(NAME, Set.of("Müller^Jürgen")));
        q.add(wl("wl-no-match", "no match in the worklist", 0,
                args("-W", "-k", "PatientID=NOSUCHPATIENT", "-k", "PatientName")));
        q.add(wl("wl-latin1-name", "ISO_IR 100 query for a Latin-1 name",
                WorklistData.count(i -> i.patientName().startsWith("Müller")),
                args("-W", "-k", "PatientID", "-k", "(0040,0100)[0].Modality"))
                .withFile(QueryFile.of("latin1.dcm", "ISO_IR 100", "0010,0010", "PN", "Müller*"))
                .withValues(NAME, Set.of("Müller^Jürgen")));
        q.add(wl("wl-utf8-name-greek", "ISO_IR 192 query for a Greek name (and a Greek nested PN)",
                WorklistData.count(i -> i.patientName().startsWith("Παπαδόπουλος")),
                args("-W", "-k", "PatientID", "-k", sps + "ScheduledPerformingPhysicianName"))
                .withFile(QueryFile.of("utf8-el.dcm", "ISO_IR 192", "0010,0010", "PN", "Παπαδόπουλος*"))
                .withValues(NAME, Set.of("Παπαδόπουλος^Νίκος"))
                .withValues("(0040,0100)[0].(0040,0006)", Set.of("Γεωργίου^Μαρία")));
        // wlmscpfs 3.6.7 rejects a query value containing ESC when (0008,0005) is "\ISO 2022 IR 87" (final status
        // DataSetDoesNotMatchSOPClass) but accepts the equivalent explicit form "ISO 2022 IR 6\ISO 2022 IR 87".
        q.add(wl("wl-iso2022-exact", "ISO 2022 IR 87 exact match of a three-group Japanese PN (PS3.5 H.3.1)",
                WorklistData.count(i -> i.patientName().equals("Yamada^Tarou=山田^太郎=やまだ^たろう")),
                args("-W", "-k", "PatientID"))
                .withFile(QueryFile.of("iso2022-jp.dcm", "ISO 2022 IR 6\\ISO 2022 IR 87", "0010,0010", "PN",
                        "Yamada^Tarou=山田^太郎=やまだ^たろう"))
                .withValues(NAME, Set.of("Yamada^Tarou=山田^太郎=やまだ^たろう"))
                .withValues("(0008,0005)", Set.of("\\ISO 2022 IR 87")));
        q.add(wl("wl-iso2022-wildcard", "ASCII wildcard with (0008,0005)=\\ISO 2022 IR 87 given by -k",
                WorklistData.count(i -> i.patientName().startsWith("Tanaka")),
                args("-W", "-k", "SpecificCharacterSet=\\ISO 2022 IR 87", "-k", "PatientName=Tanaka*", "-k",
                        "PatientID"))
                .withValues(NAME, Set.of("Tanaka^Hanako=田中^花子=たなか^はなこ")));
        q.add(wl("wl-all-character-sets", "every generated item: four character sets in one answer",
                WorklistData.GENERATED.size(),
                args("-W", "-k", "AccessionNumber=WL00*", "-k", "PatientName", "-k", "SpecificCharacterSet"))
                .withValues("(0008,0005)", Set.of("ISO_IR 100", "ISO_IR 192", "\\ISO 2022 IR 87")));

        checkUniqueNames(q);
        q.forEach(QueryCorpus::checkNoOverriddenKeys);
        return List.copyOf(q);
    }

    private static Predicate<PacsData.Study> dateIn(String from, String to) {
        return s -> between(s.date(), from, to);
    }

    private static boolean between(String date, String from, String to) {
        return date.compareTo(from) >= 0 && date.compareTo(to) <= 0;
    }

    private static List<String> args(String... a) {
        return Arrays.asList(a);
    }

    private static Builder qr(String name, String purpose, int expected, List<String> args) {
        return new Builder(name, PeerKind.QUERY_RETRIEVE, args, expected, purpose);
    }

    private static Builder orthanc(String name, String purpose, int expected, List<String> args) {
        return new Builder(name, PeerKind.ORTHANC, args, expected, purpose);
    }

    private static Builder wl(String name, String purpose, int expected, List<String> args) {
        return new Builder(name, PeerKind.WORKLIST, args, expected, purpose);
    }

    private static void checkUniqueNames(List<CorpusQuery> q) {
        Set<String> names = new LinkedHashSet<>();
        for (CorpusQuery c : q) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("duplicate corpus query name " + c.name());
            }
        }
    }

    /**
     * findscu applies {@code -k} keys in order on top of the query file, so a key given twice (or given in the file
     * and again with {@code -k}) silently loses its matching value: a corpus mistake, refused here.
     */
    private static void checkNoOverriddenKeys(CorpusQuery c) {
        Set<String> keys = new java.util.HashSet<>();
        if (c.queryFile() != null) {
            c.queryFile().keys().forEach(k -> keys.add(k[0].toLowerCase()));
        }
        for (int i = 0; i < c.arguments().size() - 1; i++) {
            if (c.arguments().get(i).equals("-k")) {
                String key = c.arguments().get(i + 1).split("=", 2)[0].toLowerCase();
                key = key.equals("patientname") ? "0010,0010" : key;
                if (!keys.add(key)) {
                    throw new IllegalStateException("corpus query " + c.name() + " gives key " + key + " twice");
                }
            }
        }
    }

    /** Collects one entry; converts to a {@link CorpusQuery} when added to the list. */
    private static final class Builder {
        private final String name;
        private final PeerKind peer;
        private final List<String> args;
        private final int expected;
        private final String purpose;
        private QueryFile file;
        private final Map<String, Set<String>> values = new java.util.LinkedHashMap<>();

        Builder(String name, PeerKind peer, List<String> args, int expected, String purpose) {
            this.name = name;
            this.peer = peer;
            this.args = args;
            this.expected = expected;
            this.purpose = purpose;
        }

        Builder withFile(QueryFile f) {
            this.file = f;
            return this;
        }

        Builder withValues(String path, Set<String> distinct) {
            values.put(path, distinct);
            return this;
        }

        CorpusQuery build() {
            return new CorpusQuery(name, peer, args, file, expected, values, purpose);
        }
    }

    /** Lets {@code q.add(builder)} read naturally in {@link #build()}. */
    private static final class QueryList extends ArrayList<CorpusQuery> {
        void add(Builder b) {
            add(b.build());
        }
    }
}
