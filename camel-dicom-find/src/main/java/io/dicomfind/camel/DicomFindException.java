package io.dicomfind.camel;

import org.apache.camel.RuntimeCamelException;

/** Base of the component's exceptions: every one names the peer ("CALLED@host:port") it happened with. */
public class DicomFindException extends RuntimeCamelException {
    private static final long serialVersionUID = 1L;

    private final String peer;

    public DicomFindException(String message, String peer, Throwable cause) {
        super(message, cause);
        this.peer = peer;
    }

    /** "CALLED@host:port". */
    public String getPeer() {
        return peer;
    }
}
