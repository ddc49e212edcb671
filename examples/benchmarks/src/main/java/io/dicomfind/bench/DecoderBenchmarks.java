package io.dicomfind.bench;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.dimse.PDataWriter;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.Pdv;
import io.dicomfind.dicom.net.pdu.PduReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1e: decoder micro-benchmarks. {@code DataSetReader} on a study-level C-FIND identifier and on a worklist item
 * (Explicit VR Little Endian, as received), and the whole receive path of one C-FIND-RSP: P-DATA-TF PDUs read
 * from a stream ({@code PduReader}), reassembled ({@code MessageAssembler}), command and identifier decoded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmarks {
    static final int MESSAGES = 1000;
    static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    byte[] study;
    byte[] worklist;
    byte[] stream;

    /** A study-level response as a PACS sends it (Study Root, STUDY): 17 attributes. */
    static Attributes studyIdentifier() {
        Attributes a = new Attributes();
        a.setString(0x00080005, VR.CS, "ISO_IR 100");
        a.setString(0x00080020, VR.DA, "20240611");                 // Study Date
        a.setString(0x00080030, VR.TM, "083000");                   // Study Time
        a.setString(Tag.AccessionNumber, VR.SH, "ACC123456");
        a.setString(0x00080052, VR.CS, "STUDY");                    // Query/Retrieve Level
        a.setString(0x00080054, VR.AE, "PACS");                     // Retrieve AE Title
        a.setString(0x00080061, VR.CS, "CT\\SR");                   // Modalities in Study
        a.setString(0x00080090, VR.PN, "Referring^Doctor");
        a.setString(0x00081030, VR.LO, "CT ABDOMEN WITH CONTRAST"); // Study Description
        a.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        a.setString(Tag.PatientID, VR.LO, "PID0001234");
        a.setString(0x00100030, VR.DA, "19650412");
        a.setString(0x00100040, VR.CS, "M");
        a.setString(Tag.StudyInstanceUID, VR.UI, BenchData.UID_ROOT + ".1.123456");
        a.setString(0x00200010, VR.SH, "S123456");                  // Study ID
        a.setString(0x00201206, VR.IS, "3");                        // Number of Study Related Series
        a.setString(0x00201208, VR.IS, "412");                      // Number of Study Related Instances
        return a;
    }

    @Setup
    public void setUp() throws IOException {
        study = DataSetWriter.toBytes(studyIdentifier(), TS, EncodeOptions.DEFAULT);
        worklist = DataSetWriter.toBytes(BenchData.item(123456), TS, EncodeOptions.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PDataWriter w = new PDataWriter(out);
        byte[] cmd = CommandSet.encode(CommandSet.cFindRsp(1, SopClasses.MODALITY_WORKLIST_FIND,
                DimseStatus.PENDING, true, null));
        for (int i = 0; i < MESSAGES; i++) {
            w.write(1, cmd, worklist, 16384);
        }
        stream = out.toByteArray();
    }

    @Benchmark
    public Attributes readStudyIdentifier() throws IOException {
        return DataSetReader.read(study, TS, DecodeLimits.DEFAULT);
    }

    @Benchmark
    public Attributes readWorklistIdentifier() throws IOException {
        return DataSetReader.read(worklist, TS, DecodeLimits.DEFAULT);
    }

    /** Per C-FIND-RSP: PDUs read, PDVs reassembled, command decoded, identifier decoded. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public int receiveWorklistResponses() throws IOException {
        PduReader reader = new PduReader(new ByteArrayInputStream(stream), 16384);
        ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
        MessageAssembler assembler = new MessageAssembler(() -> {
            while (pdvs.isEmpty()) {
                pdvs.addAll(((PDataTf) reader.read()).pdvs());
            }
            return pdvs.poll();
        }, id -> id == 1 ? TS : null, 1 << 20);
        int elements = 0;
        for (int i = 0; i < MESSAGES; i++) {
            DimseMessage m = assembler.read(cmd -> false);
            elements += DataSetReader.read(m.dataSet(), TS, DecodeLimits.DEFAULT).size();
        }
        return elements;
    }
}
