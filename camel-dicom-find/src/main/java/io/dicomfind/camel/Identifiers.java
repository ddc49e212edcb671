package io.dicomfind.camel;

import io.dicomfind.dicom.data.Attributes;
import io.dicomfind.dicom.data.Sequence;
import io.dicomfind.dicom.data.VR;

/** Combining query identifiers, so that a later source overrides an earlier one key by key. */
final class Identifiers {
    private Identifiers() {
    }

    /**
     * Copies every element of {@code top} into {@code base}, replacing what is there. Sequences present in both are
     * merged item by item (item k onto item k), as findscu's {@code -k} paths do to a query file, so that a body can
     * add {@code Modality} to the Scheduled Procedure Step item the endpoint keys started.
     */
    static Attributes overlay(Attributes base, Attributes top) {
        for (int i = 0; i < top.size(); i++) {
            int tag = top.tagAt(i);
            VR vr = top.vrAt(i);
            Object v = top.valueAt(i);
            if (v instanceof Sequence seq) {
                Sequence target = base.getSequence(tag);
                if (target == null) {
                    target = base.newSequence(tag);
                }
                for (int k = 0; k < seq.size(); k++) {
                    overlay(target.itemOrCreate(k), seq.get(k));
                }
            } else if (v instanceof byte[] && vr.usesSpecificCharacterSet()) {
                // Raw text is in top's character set, which base may not share: carry it as decoded text.
                base.setString(tag, vr, top.valueAsString(i));
            } else {
                base.set(tag, vr, v);
            }
        }
        return base;
    }
}
