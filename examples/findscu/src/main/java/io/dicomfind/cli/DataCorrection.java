package io.dicomfind.cli;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code +dc}: in DCMTK this switches on the parser's automatic correction of faulty input data
 * ({@code dcmEnableAutomaticInputDataCorrection}). Our reader already refuses what cannot be read, so the correction
 * is applied to the query data set after reading, and is the subset that matters for a C-FIND identifier:
 * <ul>
 * <li>group length elements (gggg,0000) are removed (retired, PS3.5 7.2; an identifier must not carry stale
 *     ones);</li>
 * <li>elements of the command group 0000 and of the file meta group 0002 found in the data set are removed
 *     (they do not belong in an Identifier, PS3.7 6.3.1, PS3.10 7.1);</li>
 * <li>elements read with VR UN (an implicit VR file with tags we then did not know, or an explicit VR file written
 *     with UN) get the VR of the data dictionary when it is a text VR, so that they are encoded correctly in
 *     explicit VR transfer syntaxes (PS3.5 6.2.2).</li>
 * </ul>
 * Each correction is logged at debug level ({@code -d}), naming the tag.
 */
final class DataCorrection {
    private final ElementDictionary dictionary = ElementDictionary.standard();
    private final CliLog log;
    private int corrections;

    DataCorrection(CliLog log) {
        this.log = log;
    }

    /** Corrects {@code ds} in place; returns the number of corrections made. */
    int apply(Attributes ds, String source) {
        corrections = 0;
        correct(ds, source);
        return corrections;
    }

    private void correct(Attributes ds, String source) {
        List<Integer> remove = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            int group = Tag.group(tag);
            if (Tag.isGroupLength(tag) || group == 0x0000 || group == 0x0002) {
                remove.add(tag);
                continue;
            }
            Object v = ds.valueAt(i);
            if (v instanceof Sequence seq) {
                for (Attributes item : seq) {
                    correct(item, source);
                }
            } else if (ds.vrAt(i) == VR.UN && !Tag.isPrivate(tag)) {
                VR vr = dictionary.vrOf(tag);
                if (vr != null && vr.isText()) {
                    ds.set(tag, vr, ds.bytesAt(i));
                    corrections++;
                    log.debug("data correction in " + source + ": " + Tag.toString(tag) + " VR UN -> " + vr);
                }
            }
        }
        for (int tag : remove) {
            ds.remove(tag);
            corrections++;
            log.debug("data correction in " + source + ": removed " + Tag.toString(tag)
                    + " (group length, command or file meta element in an identifier)");
        }
    }
}
