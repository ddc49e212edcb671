package io.dicomfind.dicom.fuzz;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.UnencodableCharacterException;
import io.dicomfind.dicom.io.CanonicalEncoding;
import io.dicomfind.dicom.io.DataSetReader;
import io.dicomfind.dicom.io.DataSetWriter;
import io.dicomfind.dicom.io.DecodeLimits;
import io.dicomfind.dicom.io.EncodeOptions;
import io.dicomfind.dicom.io.JsonReader;
import io.dicomfind.dicom.io.JsonWriter;
import io.dicomfind.dicom.io.Part10;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.DimseStatus;
import io.dicomfind.dicom.net.dimse.CommandSet;
import io.dicomfind.dicom.net.dimse.DimseMessage;
import io.dicomfind.dicom.net.dimse.MessageAssembler;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.PDataTf;
import io.dicomfind.dicom.net.pdu.PresentationContextAc;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PduReader;
import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * What is fuzzed: each target decodes one input the way the SCU decodes peer bytes, then touches every decoded value
 * (text through the Specific Character Set, numbers, nested items) and re-encodes and re-decodes data sets. The only
 * exception a target may let escape is an {@link IOException}; its message feeds the fuzzer's outcome signature.
 */
enum FuzzTarget {
    /** PDU reader over a whole stream, P-DATA-TFs reassembled into messages, command sets decoded. */
    PDU("pdu") {
        @Override
        String run(byte[] in) throws IOException {
            PduReader reader = new PduReader(new ByteArrayInputStream(in), AssociationConfig.DEFAULT_MAX_PDU_LENGTH);
            ArrayDeque<Pdv> pdvs = new ArrayDeque<>();
            StringBuilder sig = new StringBuilder();
            TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            Pdu pdu;
            int n = 0;
            while ((pdu = reader.read()) != null && n++ < 10_000) {
                sig.append(pdu.type());
                if (pdu instanceof PDataTf p) {
                    pdvs.addAll(p.pdvs());
                } else if (pdu instanceof AAssociateAc ac) {
                    for (PresentationContextAc pc : ac.presentationContexts()) {
                        if (pc.accepted() && TransferSyntax.forUid(pc.transferSyntax()) != null) {
                            ts = TransferSyntax.forUid(pc.transferSyntax());
                        }
                    }
                }
            }
            TransferSyntax accepted = ts;
            MessageAssembler assembler = new MessageAssembler(() -> {
                if (pdvs.isEmpty()) {
                    throw new java.io.EOFException("stream ends inside a message");
                }
                return pdvs.poll();
            }, id -> (id & 1) == 1 ? accepted : null, 1 << 20);
            while (!pdvs.isEmpty()) {
                DimseMessage m = assembler.read(c -> false);
                sig.append('m').append(m.commandField() & 0xF);
                touchCommand(m.command());
                if (m.dataSet() != null) {
                    touch(DataSetReader.read(m.dataSet(), accepted, LIMITS), 0);
                }
            }
            return sig.length() > 40 ? sig.substring(0, 40) : sig.toString();
        }
    },
    COMMAND("command") {
        @Override
        String run(byte[] in) throws IOException {
            Attributes cmd = CommandSet.decode(in, 0, in.length);
            touchCommand(cmd);
            CommandSet.encode(cmd);
            return "cmd" + cmd.size();
        }
    },
    DATASET_IVR_LE("dataset-ivr-le", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
    DATASET_EVR_LE("dataset-evr-le", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
    DATASET_EVR_BE("dataset-evr-be", TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),
    DATASET_DEFLATED("dataset-deflated", TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN),
    /**
     * The DICOM JSON Model reader (PS3.18 F.2), as the Camel data format and the converters use it on message
     * bodies; the result is written back as JSON and read again, and encoded as a data set.
     */
    JSON("json") {
        @Override
        String run(byte[] in) throws IOException {
            JsonReader reader = new JsonReader(LIMITS);
            Attributes ds = reader.readDataSet(new String(in, StandardCharsets.UTF_8));
            StringWriter json = new StringWriter();
            new JsonWriter(json).writeDataSet(ds);
            reader.readDataSet(json.toString());
            try {
                return "json:" + roundTrip(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            } catch (UnencodableCharacterException e) {
                // JSON text is Unicode (PS3.18 F.2); text outside the repertoire the data set declares is kept as
                // text and refused, with this documented exception, when the data set is encoded
                return "json:unencodable";
            }
        }
    },
    PART10("part10") {
        @Override
        String run(byte[] in) throws IOException {
            Part10.File f = Part10.read(new ByteArrayInputStream(in), LIMITS);
            touch(f.meta(), 0);
            return "p10:" + f.transferSyntax() + ":" + roundTrip(f.dataSet(), f.transferSyntax());
        }
    };

    /** The network defaults: what a peer can make us decode; they fit a 64 MiB heap (docs/robustness.md). */
    static final DecodeLimits LIMITS = AssociationConfig.DEFAULT_DECODE_LIMITS;

    final String directory;
    final TransferSyntax transferSyntax;

    FuzzTarget(String directory) {
        this(directory, null);
    }

    FuzzTarget(String directory, TransferSyntax ts) {
        this.directory = directory;
        this.transferSyntax = ts;
    }

    /** Decodes {@code in}; returns a short signature of what was decoded (for the corpus' outcome guidance). */
    String run(byte[] in) throws IOException {
        // CanonicalEncoding's promise (what findscu -X and lazy identifiers rely on): accepted input decodes and
        // re-encodes to itself; a broken promise escapes as an AssertionError, which the fuzzer reports
        boolean canonical = CanonicalEncoding.check(in, transferSyntax, LIMITS, EncodeOptions.DEFAULT);
        Attributes ds;
        try {
            ds = DataSetReader.read(in, transferSyntax, LIMITS);
        } catch (IOException e) {
            if (canonical) {
                throw new AssertionError("canonical but undecodable: " + e.getMessage(), e);
            }
            throw e;
        }
        if (canonical && !java.util.Arrays.equals(in, DataSetWriter.toBytes(ds, transferSyntax,
                EncodeOptions.DEFAULT))) {
            throw new AssertionError("canonical but re-encoded differently");
        }
        return roundTrip(ds, transferSyntax) + (canonical ? ":canonical" : "");
    }

    /** Touches everything, re-encodes, decodes again: what we decoded we must be able to write and read back. */
    static String roundTrip(Attributes ds, TransferSyntax ts) throws IOException {
        String sig = touch(ds, 0);
        byte[] again = DataSetWriter.toBytes(ds, ts, EncodeOptions.DEFAULT);
        DataSetReader.read(again, ts, LIMITS);
        return sig;
    }

    static void touchCommand(Attributes cmd) {
        for (int tag : new int[] {Tag.CommandField, Tag.MessageID, Tag.MessageIDBeingRespondedTo, Tag.Status,
                Tag.CommandDataSetType}) {
            CommandSet.getUS(cmd, tag);
        }
        int status = CommandSet.getUS(cmd, Tag.Status);
        if (status >= 0) {
            DimseStatus.describe(status);
        }
        touch(cmd, 0);
    }

    /** Every value as text (charset decoding), every item; returns the VRs met and the depth, as a signature. */
    static String touch(Attributes ds, int depth) {
        StringBuilder vrs = new StringBuilder();
        int maxDepth = depth;
        ds.characterSet();
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    String inner = touch(item, depth + 1);
                    maxDepth = Math.max(maxDepth, inner.charAt(0) - '0');
                }
            } else {
                ds.valueAsString(i);
                if (ds.vrAt(i) != null && vrs.indexOf(ds.vrAt(i).name()) < 0 && vrs.length() < 24) {
                    vrs.append(ds.vrAt(i).name());
                }
            }
        }
        return (char) ('0' + Math.min(9, maxDepth)) + vrs.toString();
    }
}
