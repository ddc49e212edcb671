package io.dicomfind.bench;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.scp.DataSetSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data every benchmark uses: a realistic Modality Worklist item (PS3.4 K.6.1.2: patient, visit, imaging service
 * request, requested procedure and one Scheduled Procedure Step), 544 bytes encoded, generated with changing
 * UIDs and identifiers, and the worklist query that returns all of its keys (universal matching, so every item
 * matches and the SCP does the least work per match).
 */
public final class BenchData {
    static final String UID_ROOT = "2.25.249110218503414846775041302612020678667";
    static final String AE_TITLE = "BENCHSCP";

    private BenchData() {
    }

    /** Item {@code i}: a new data set each time (the SCP never modifies it). */
    public static Attributes item(int i) {
        Attributes a = new Attributes();
        a.setString(0x00080005, VR.CS, "ISO_IR 100");                 // Specific Character Set
        a.setString(Tag.AccessionNumber, VR.SH, "ACC" + i);
        a.setString(0x00080090, VR.PN, "Referring^Doctor^A");        // Referring Physician's Name
        a.setString(Tag.PatientName, VR.PN, "Patient^Name" + (i % 1000) + "^Middle");
        a.setString(Tag.PatientID, VR.LO, "PID" + i);
        a.setString(0x00100030, VR.DA, "19" + (50 + i % 50) + "0" + (1 + i % 9) + "1" + (i % 10));  // Birth Date
        a.setString(0x00100040, VR.CS, i % 2 == 0 ? "F" : "M");      // Patient's Sex
        a.setString(0x00101030, VR.DS, "72.5");                       // Patient's Weight
        a.setString(0x00102000, VR.LO, "NONE");                       // Medical Alerts
        a.setString(0x00102110, VR.LO, "NONE");                       // Allergies
        a.setString(0x00380010, VR.LO, "ADM" + i);                    // Admission ID
        a.setString(0x00380300, VR.LO, "WARD 7");                     // Current Patient Location
        a.setString(Tag.StudyInstanceUID, VR.UI, UID_ROOT + ".1." + i);
        a.setString(0x00321032, VR.PN, "Requesting^Physician");      // Requesting Physician
        a.setString(0x00321060, VR.LO, "CT ABDOMEN WITH CONTRAST");   // Requested Procedure Description
        a.setString(0x00401001, VR.SH, "RP" + i);                     // Requested Procedure ID
        a.setString(0x00401003, VR.SH, "ROUTINE");                    // Requested Procedure Priority
        a.newSequence(0x00081110);                                    // Referenced Study Sequence (type 2)
        a.newSequence(0x00081120);                                    // Referenced Patient Sequence (type 2)
        Attributes sps = a.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, VR.CS, i % 3 == 0 ? "MR" : "CT");
        sps.setString(0x00400001, VR.AE, "MODALITY" + (i % 4));      // Scheduled Station AE Title
        sps.setString(0x00400002, VR.DA, "202406" + (10 + i % 19));   // SPS Start Date
        sps.setString(0x00400003, VR.TM, "0" + (8 + i % 2) + "3000"); // SPS Start Time
        sps.setString(0x00400006, VR.PN, "Performing^Physician");    // Scheduled Performing Physician
        sps.setString(0x00400007, VR.LO, "CT ABDOMEN");              // SPS Description
        sps.setString(0x00400009, VR.SH, "SPS" + i);                  // SPS ID
        sps.setString(0x00400010, VR.SH, "STATION" + (i % 4));       // Scheduled Station Name
        sps.setString(0x00400011, VR.SH, "ROOM 1");                  // SPS Location
        return a;
    }

    /** Above this many items the SCP generates them for each query; up to it they are made once, at start. */
    static final int PREPARED_LIMIT = 100_000;

    /**
     * {@code n} items. Up to {@link #PREPARED_LIMIT} they are generated once and kept as decoded from their
     * encoding (values as bytes, as an SCP reading them from storage would hold them), so that serving them costs
     * the SCP no generation and no character set encoding: the SCP must not be what the clients' figures measure
     * (docs/performance.md). Beyond that they are generated lazily for each query, in constant memory.
     */
    public static DataSetSource items(int n) {
        if (n > PREPARED_LIMIT) {
            return DataSetSource.ofStream(() -> IntStream.range(0, n).mapToObj(BenchData::item));
        }
        List<Attributes> prepared = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            prepared.add(asStored(item(i)));
        }
        return DataSetSource.of(prepared);
    }

    private static Attributes asStored(Attributes item) {
        try {
            TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            return DataSetReader.read(DataSetWriter.toBytes(item, ts, EncodeOptions.DEFAULT), ts,
                    DecodeLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worklist query: every key of {@link #item(int)} as a universal (empty) return key. */
    public static Attributes query() {
        Attributes q = new Attributes();
        Attributes template = item(0);
        for (int i = 0; i < template.size(); i++) {
            int tag = template.tagAt(i);
            VR vr = template.vrAt(i);
            if (tag == 0x00080005) {
                continue; // sent by the SCP as stored; not a matching key
            }
            if (tag == Tag.ScheduledProcedureStepSequence) {
                Attributes item = q.newSequence(tag).addItem();
                Attributes sps = template.getSequence(tag).get(0);
                for (int j = 0; j < sps.size(); j++) {
                    item.setNull(sps.tagAt(j), sps.vrAt(j));
                }
            } else if (vr == VR.SQ) {
                q.newSequence(tag);
            } else {
                q.setNull(tag, vr);
            }
        }
        return q;
    }
}
