package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Option {@code dataCorrection} (findscu {@code +dc}). In DCMTK it enables the parser's automatic correction of
 * faulty data. Our decoder already refuses what cannot be read, so here the option repairs what can be repaired in a
 * decoded identifier, both in the query we send (a Part-10 body, a JSON/XML body) and in every identifier we receive:
 * <ul>
 * <li>group length elements (gggg,0000) are removed (retired, PS3.5 7.2): a query must not carry stale ones;</li>
 * <li>command (0000) and file meta (0002) elements are removed: they never belong in an Identifier (PS3.7 6.3.1,
 *     PS3.10 7.1);</li>
 * <li>standard elements that arrived with VR UN (an SCP that sent explicit VR with UN, or relayed implicit VR data)
 *     get their dictionary VR when that is a text VR (PS3.5 6.2.2), so values read as text and are re-encoded
 *     correctly.</li>
 * </ul>
 * Sequence items are corrected recursively. Each correction is logged at DEBUG, naming the tag.
 */
final class IdentifierCorrection {
    private static final Logger LOG = LoggerFactory.getLogger(IdentifierCorrection.class);

    private IdentifierCorrection() {
    }

    /** Corrects {@code ds} in place; returns how many corrections were made. */
    static int apply(Attributes ds) {
        int corrections = 0;
        List<Integer> remove = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            int group = Tag.group(tag);
            if (Tag.isGroupLength(tag) || group == 0x0000 || group == 0x0002) {
                remove.add(tag);
            } else if (ds.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    corrections += apply(item);
                }
            } else if (ds.vrAt(i) == VR.UN && !Tag.isPrivate(tag)) {
                VR vr = ElementDictionary.standard().vrOf(tag);
                if (vr != null && vr.isText()) {
                    ds.set(tag, vr, ds.bytesAt(i));
                    corrections++;
                    LOG.debug("data correction: {} VR UN -> {}", Tag.toString(tag), vr);
                }
            }
        }
        for (int tag : remove) {
            ds.remove(tag);
            corrections++;
            LOG.debug("data correction: removed {} (group length, command or file meta element)", Tag.toString(tag));
        }
        return corrections;
    }
}
