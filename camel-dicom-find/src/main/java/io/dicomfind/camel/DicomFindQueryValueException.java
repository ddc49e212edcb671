package io.dicomfind.camel;

import io.dicomfind.dicom.data.VR;

/**
 * A typed value in a query (a {@code Map} body, the {@code CamelDicomFindKeys} or {@code CamelDicomFindKey.*}
 * headers, an expression in a {@code key.*} option) that cannot be sent for its key: its Java type has no meaning for
 * the key's VR (a {@code Boolean}, a {@code LocalDateTime} for a DA key), or the value does not fit the VR (an IS
 * beyond 32 bits, a DS of more than 16 characters, PS3.5 6.2). Nothing is sent: no association is opened for a query
 * that cannot be built.
 */
public class DicomFindQueryValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient VR vr;
    private final String valueType;

    DicomFindQueryValueException(String key, VR vr, Object value, String reason) {
        super(key + " (VR " + vr + "): " + (value == null ? "null" : "a " + value.getClass().getName()) + " value "
                + reason);
        this.key = key;
        this.vr = vr;
        this.valueType = value == null ? "null" : value.getClass().getName();
    }

    /** Where the value came from and its key, e.g. {@code body.ScheduledProcedureStepSequence.Modality}. */
    public String getKey() {
        return key;
    }

    /** The key's Value Representation from the data dictionary (PS3.6). */
    public VR getVr() {
        return vr;
    }

    /** The Java class of the refused value. */
    public String getValueType() {
        return valueType;
    }
}
