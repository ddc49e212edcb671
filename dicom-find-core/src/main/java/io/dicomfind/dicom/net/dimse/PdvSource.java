package io.dicomfind.dicom.net.dimse;

import io.dicomfind.dicom.net.pdu.Pdv;
import java.io.IOException;

/** Supplies PDVs in arrival order, reading P-DATA-TF PDUs as needed (and handling any other PDU itself). */
@FunctionalInterface
public interface PdvSource {
    Pdv next() throws IOException;
}
