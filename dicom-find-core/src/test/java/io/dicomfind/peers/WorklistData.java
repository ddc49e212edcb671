package io.dicomfind.peers;

import java.util.List;
import java.util.function.Predicate;

/**
 * The worklist {@link WorklistScp} serves under AE title {@value #AE_TITLE}: 22 items.
 *
 * <ul>
 * <li>10 DCMTK example items ({@code /usr/share/doc/dcmtk/examples/wlistdb/OFFIS/wklist1..10.dump}), all
 * {@code ISO_IR 100} with ASCII names, 1993-1996 dates, modalities MR×2, CT×4, CR×2, US, NM; several have multi-valued
 * Scheduled Station AE Titles; no Referenced Study/Patient Sequences.</li>
 * <li>12 generated items (accession {@code WL0001..WL0012}, patient IDs {@code WLP01..WLP12}, dates 2024-01-15 to
 * 2024-01-20), each with empty type-2 Referenced Study Sequence (0008,1110) and Referenced Patient Sequence
 * (0008,1120): 3 in {@code ISO_IR 100} (Müller^Jürgen, Núñez^José, Ørsted^Hans Christian), 3 in {@code ISO_IR 192}
 * (王^小明, Παπαδόπουλος^Νίκος, Иванов^Иван), 2 in {@code \ISO 2022 IR 87} (Yamada^Tarou=山田^太郎=やまだ^たろう,
 * Tanaka^Hanako=田中^花子=たなか^はなこ) and 4 ASCII without (0008,0005).</li>
 * </ul>
 *
 * Counts tests rely on: 22 items; Modality CT 9, MR 6; station CT01 3, MR01 4; generated 12; dates in 2024: 12.
 */
public final class WorklistData {

    /** The called AE title (the worklist subdirectory name). */
    public static final String AE_TITLE = "OFFIS";

    private static final String L1 = "ISO_IR 100";
    private static final String U8 = "ISO_IR 192";
    private static final String JP = "\\ISO 2022 IR 87";

    /** DCMTK's example items as dump2dcm converts them (the first of two (0008,0050) lines in wklist2 wins). */
    public static final List<WorklistItem> DCMTK_EXAMPLES = List.of(
            ex(1, "00000", "VIVALDI^ANTONIO", "AV35674", "1.2.276.0.7230010.3.2.101", "RP454G234", "MR",
                    List.of("AA32", "AA33"), "19951015", "085607"),
            ex(2, "00002", "VIVALDI^ANTONIO", "AV35674", "1.2.276.0.7230010.3.2.102", "RP488M9439", "CT",
                    List.of("AB45"), "19960406", "160700"),
            ex(3, "00003", "VIVALDI^ANTONIO", "AV35674", "1.2.276.0.7230010.3.2.103", "RP56567", "CR",
                    List.of("CC56", "NN77"), "19960123", "135558"),
            ex(4, "00004", "HAYDN^FRANZ^JOSEPH", "HF", "1.2.276.0.7230010.3.2.104", "RP634265", "US",
                    List.of("AA32"), "19960103", "165709"),
            ex(5, "00005", "HAYDN^FRANZ^JOSEPH", "HF", "1.2.276.0.7230010.3.2.105", "RP4734734", "CR",
                    List.of("AB45", "DD56"), "19951206", "094500"),
            ex(6, "00006", "HAYDN^FRANZ^JOSEPH", "HF", "1.2.276.0.7230010.3.2.106", "RP57463", "CT",
                    List.of("FG56", "ER67", "JJ56", "TZ77"), "19930606", "153600"),
            ex(7, "00007", "BEETHOVEN^LUDWIG^VAN", "BLV734623", "1.2.76.0.7230010.3.2.107", "RP44580", "NM",
                    List.of("AZ01"), "19960502", "140956"),
            ex(8, "00008", "BEETHOVEN^LUDWIG^VAN", "BLV734623", "1.2.276.0.7230010.3.2.108", "RP472", "CT",
                    List.of("DS45", "NN77", "GH67"), "19960423", "110856"),
            ex(9, "00009", "MOZART^WOLFGANG^AMADEUS", "MWA484763", "1.2.276.0.7230010.3.2.109", "RP34734H328", "CT",
                    List.of("AA67"), "19931204", "075644"),
            ex(10, "00001", "MOZART^WOLFGANG^AMADEUS", "MWA484763", "1.2.276.0.7230010.3.2.110", "RP4474", "MR",
                    List.of("TT67"), "19960805", "175609"));

    /** Our own items; the non-ASCII ones exercise three character sets, including ISO 2022 code extensions. */
    public static final List<WorklistItem> GENERATED = List.of(
            gen(1, L1, "Müller^Jürgen", "CT", "CT01", "20240115", "080000"),
            gen(2, L1, "Núñez^José", "MR", "MR01", "20240115", "093000"),
            gen(3, L1, "Ørsted^Hans Christian", "US", "US01", "20240116", "101500"),
            gen(4, U8, "王^小明", "CT", "CT01", "20240116", "110000"),
            gen(5, U8, "Παπαδόπουλος^Νίκος", "MR", "MR01", "20240117", "120000"),
            gen(6, U8, "Иванов^Иван", "CR", "CR01", "20240117", "133000"),
            gen(7, JP, "Yamada^Tarou=山田^太郎=やまだ^たろう", "MR", "MR01", "20240118", "140000"),
            gen(8, JP, "Tanaka^Hanako=田中^花子=たなか^はなこ", "CT", "CT02", "20240118", "150000"),
            gen(9, null, "DOE^JOHN", "CT", "CT02", "20240119", "081500"),
            gen(10, null, "SMITH^ANNA", "US", "US01", "20240119", "091500"),
            gen(11, null, "BROWN^EDDIE", "MR", "MR01", "20240120", "101500"),
            gen(12, null, "GARCIA^MARIA", "CT", "CT01", "20240120", "111500"));

    /** All 22 items. */
    public static final List<WorklistItem> ALL = concat(DCMTK_EXAMPLES, GENERATED);

    private WorklistData() {
    }

    public static int count(Predicate<WorklistItem> filter) {
        return (int) ALL.stream().filter(filter).count();
    }

    /**
     * Scheduled Performing Physician's Name (0040,0100)[0].(0040,0006) of a generated item: non-ASCII for items 1
     * (Latin-1) and 5 (Greek), so nested values are decoded with the data set's character set too.
     */
    static String performingPhysician(int n) {
        return switch (n) {
            case 1 -> "Schäfer^Eva";
            case 5 -> "Γεωργίου^Μαρία";
            default -> "HOUSE^GREGORY";
        };
    }

    private static WorklistItem ex(int n, String acc, String name, String id, String studyUid, String rpId,
            String modality, List<String> aes, String date, String time) {
        return new WorklistItem("dcmtk:wklist" + n, L1, acc, name, id, studyUid, rpId, modality, aes, date, time,
                false);
    }

    private static WorklistItem gen(int n, String cs, String name, String modality, String ae, String date,
            String time) {
        String nn = String.format("%02d", n);
        return new WorklistItem("generated:" + nn, cs, "WL00" + nn, name, "WLP" + nn, PacsData.UID_ROOT + ".9." + n,
                "RP" + nn, modality, List.of(ae), date, time, true);
    }

    private static List<WorklistItem> concat(List<WorklistItem> a, List<WorklistItem> b) {
        List<WorklistItem> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
