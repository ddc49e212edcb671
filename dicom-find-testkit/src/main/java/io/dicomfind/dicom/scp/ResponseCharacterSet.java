package io.dicomfind.dicom.scp;

/**
 * In which Specific Character Set the SCP returns text values (PS3.4 C.4.1.1.3.2 and K.4.1.1.3.2 let the SCP answer
 * in the query's character set or its own; every response names its own in (0008,0005)).
 */
public enum ResponseCharacterSet {
    /** The stored bytes and the stored (0008,0005), as DCMTK's {@code wlmscpfs -csk} does. */
    AS_STORED,
    /**
     * Converted to the query's (0008,0005) when the query has one and every value can be encoded in it, else as
     * stored; as DCMTK's {@code dcmqrscp} does. When the query names no character set and did not ask for
     * (0008,0005), responses whose values are all ASCII leave it out (dcmqrscp too); responses with other
     * characters keep the stored one (dcmqrscp sends the bytes without naming their character set).
     */
    QUERY
}
