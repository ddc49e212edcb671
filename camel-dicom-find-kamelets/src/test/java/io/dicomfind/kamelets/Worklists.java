package io.dicomfind.kamelets;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.JsonReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Worklist items for the embedded SCP: two today on CT01, one today on MR01, one tomorrow on CT01. */
final class Worklists {
    static final String TODAY = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    static final String TOMORROW = LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);

    private Worklists() {
    }

    static List<Attributes> items() {
        return List.of(
                item("KAM001", "DOE^JOHN", "P001", "CT", "CT01", TODAY, "083000"),
                item("KAM002", "ROE^JANE", "P002", "CT", "CT01", TODAY, "100000"),
                item("KAM003", "POE^EDGAR", "P003", "MR", "MR01", TODAY, "091500"),
                item("KAM004", "LOE^ANNA", "P004", "CT", "CT01", TOMORROW, "080000"));
    }

    static Attributes item(String accession, String name, String id, String modality, String station, String date,
            String time) {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        a.setString(Tag.AccessionNumber, VR.SH, accession);
        a.setString(Tag.PatientName, VR.PN, name);
        a.setString(Tag.PatientID, VR.LO, id);
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1." + id.substring(1));
        Sequence sps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        Attributes step = sps.addItem();
        step.setString(Tag.Modality, VR.CS, modality);
        step.setString(0x00400001, VR.AE, station);
        step.setString(0x00400002, VR.DA, date);
        step.setString(0x00400003, VR.TM, time);
        step.setString(0x00400009, VR.SH, "SPS" + accession.substring(3));
        return a;
    }

    /** The identifier a DICOM JSON body holds. */
    static Attributes fromJson(Object body) throws Exception {
        return new JsonReader().readDataSet((String) body);
    }

    /** The identifiers a DICOM JSON array holds. */
    static List<Attributes> fromJsonArray(Object body) throws Exception {
        return new JsonReader().readDataSets((String) body);
    }
}
