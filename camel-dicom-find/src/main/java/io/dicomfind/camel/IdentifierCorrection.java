package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.ElementDictionary;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.Tag;
import io.dicomfind.dicom.data.VR;
import java.util.Arrays;
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

    /**
     * Corrects {@code ds} in place; returns how many corrections were made. Runs on every received identifier with
     * {@code dataCorrection}, so a data set that needs nothing costs no allocation: the removal list is created only
     * when something is to be removed, and sequence items are walked by index rather than by iterator.
     */
    static int apply(Attributes ds) {
        int corrections = 0;
        int[] remove = null;
        int removeCount = 0;
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            int group = Tag.group(tag);
            if (Tag.isGroupLength(tag) || group == 0x0000 || group == 0x0002) {
                if (remove == null) {
                    remove = new int[4];
                } else if (removeCount == remove.length) {
                    remove = Arrays.copyOf(remove, removeCount * 2);
                }
                remove[removeCount++] = tag;
            } else if (ds.valueAt(i) instanceof Sequence seq) {
                for (int j = 0; j < seq.size(); j++) {
                    corrections += apply(seq.get(j));
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
        for (int k = 0; k < removeCount; k++) {
            ds.remove(remove[k]);
            corrections++;
            LOG.debug("data correction: removed {} (group length, command or file meta element)",
                    Tag.toString(remove[k]));
        }
        return corrections;
    }
}
