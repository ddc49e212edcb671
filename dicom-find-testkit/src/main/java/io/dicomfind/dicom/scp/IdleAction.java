package io.dicomfind.dicom.scp;

/**
 * What the SCP does with an association idle for its {@link EmbeddedFindScp.Builder#idleTimeout idle timeout}
 * (PS3.8 9.1.5 leaves the timer's value and use to the implementation): the ways real SCPs free idle associations,
 * for the tests of requestors that keep them open (pools).
 */
public enum IdleAction {
    /** A-ABORT as service-provider, then close: counted as aborted. */
    ABORT,
    /**
     * A-RELEASE-RQ from the acceptor (PS3.8 7.2 allows either side), then the requestor's A-RELEASE-RP within the
     * ACSE timeout: counted as released when it answers, else as aborted.
     */
    RELEASE,
    /** Close the TCP connection without any PDU, as a crashed peer or a firewall dropping idle flows looks: aborted. */
    DROP
}
