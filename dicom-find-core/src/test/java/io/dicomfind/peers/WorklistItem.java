package io.dicomfind.peers;

import java.util.List;

/**
 * What the harness knows about one worklist entry served by {@link WorklistScp}: the values tests query on. Each item
 * has exactly one Scheduled Procedure Step Sequence (0040,0100) item.
 *
 * @param source                 {@code dcmtk:wklistN} for DCMTK's example files, {@code generated:NN} for ours
 * @param specificCharacterSet   (0008,0005) of the file, null when absent
 * @param accessionNumber        (0008,0050)
 * @param patientName            (0010,0010), as Unicode text
 * @param patientId              (0010,0020)
 * @param studyInstanceUid       (0020,000D)
 * @param requestedProcedureId   (0040,1001)
 * @param modality               (0040,0100)[0].(0008,0060)
 * @param stationAeTitles        (0040,0100)[0].(0040,0001), one or more values
 * @param startDate              (0040,0100)[0].(0040,0002)
 * @param startTime              (0040,0100)[0].(0040,0003)
 * @param referencedSequences    whether the type-2 sequences (0008,1110) and (0008,1120) are present (empty)
 */
public record WorklistItem(String source, String specificCharacterSet, String accessionNumber, String patientName,
        String patientId, String studyInstanceUid, String requestedProcedureId, String modality,
        List<String> stationAeTitles, String startDate, String startTime, boolean referencedSequences) {

    public boolean isGenerated() {
        return source.startsWith("generated:");
    }
}
