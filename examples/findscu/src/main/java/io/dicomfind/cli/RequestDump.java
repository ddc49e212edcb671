package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;
import io.dicomfind.dicom.io.DumpWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The "Request Identifiers:" dump findscu logs after sending a C-FIND-RQ. DCMTK dumps the very data set object it
 * sends, so what it shows depends on that object's history (observed with DCMTK 3.6.7, {@code --repeat}):
 * <ul>
 * <li>first send of keys given with {@code -k}: values as typed, sequences and items with length 0;</li>
 * <li>first send of a query file: values and sequence lengths as read from the file ({@code u/l} where the file has
 *     undefined lengths), sequences that {@code -k} keys added with length 0;</li>
 * <li>every later send of the same data set ({@code --repeat}): values padded to even length and explicit lengths,
 *     because encoding it for the network did that to the object.</li>
 * </ul>
 */
final class RequestDump {
    private RequestDump() {
    }

    /**
     * @param fileTransferSyntax the query file's transfer syntax, null for a query built from keys alone
     * @param fileSequences      the sequences read from the query file (identity), before keys were applied
     * @param sentBefore         whether this data set went out before on this association ({@code --repeat})
     */
    static String of(Attributes identifier, TransferSyntax fileTransferSyntax, Set<Sequence> fileSequences,
            boolean sentBefore) {
        TransferSyntax ts = fileTransferSyntax != null ? fileTransferSyntax : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        // findscu's log shows values in full (dcmdump would shorten them)
        DumpWriter writer = new DumpWriter(ts).showPadding(true).shortenLongValues(false);
        if (sentBefore) {
            return "\n" + writer.sequenceLengths(DumpWriter.SequenceLengths.EXPLICIT).dump(padded(identifier)) + "\n";
        }
        writer.sequenceLengths(seq -> fileSequences.contains(seq) ? DumpWriter.SequenceLengths.AS_RECEIVED
                : DumpWriter.SequenceLengths.NOT_ENCODED);
        return "\n" + writer.dump(identifier) + "\n";
    }

    /** Every sequence of {@code ds}, nested ones included, by identity: what a query file brought. */
    static Set<Sequence> sequencesOf(Attributes ds) {
        Set<Sequence> all = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(ds, all);
        return all;
    }

    private static void collect(Attributes ds, Set<Sequence> into) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                into.add(seq);
                for (Attributes item : seq) {
                    collect(item, into);
                }
            }
        }
    }

    /** A copy whose odd-length values carry their padding: a space, NUL for UI and binary VRs (PS3.5 6.2, 7.1). */
    static Attributes padded(Attributes ds) {
        Attributes copy = Attributes.copyOf(ds);
        pad(copy);
        return copy;
    }

    private static void pad(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    pad(item);
                }
                continue;
            }
            if (v == null) {
                continue;
            }
            byte[] raw = ds.bytesAt(i);
            if ((raw.length & 1) != 0) {
                VR vr = ds.vrAt(i);
                byte[] even = Arrays.copyOf(raw, raw.length + 1);
                even[raw.length] = vr.isText() && vr != VR.UI ? (byte) ' ' : 0;
                ds.set(ds.tagAt(i), vr, even);
            }
        }
    }
}
