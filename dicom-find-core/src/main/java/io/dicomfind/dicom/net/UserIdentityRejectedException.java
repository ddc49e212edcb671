package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.AAssociateRj;

/**
 * The peer did not accept our user identity (PS3.7 D.3.3.7): it rejected the A-ASSOCIATE-RQ that carried one
 * ({@link #rejection()} is the A-ASSOCIATE-RJ; PS3.8 Table 9-21 has no reason of its own for an identity, so any
 * rejection of a request with a user identity is reported as this), or it accepted the association without the
 * positive response we requested ({@link #rejection()} is null; the association was released). The message names
 * the identity type and the user name, never a passcode or token.
 */
public class UserIdentityRejectedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    private final transient AAssociateRj rejection;

    public UserIdentityRejectedException(String message, AAssociateRj rejection) {
        super(message);
        this.rejection = rejection;
    }

    /** The A-ASSOCIATE-RJ, or null when the association was accepted without the requested positive response. */
    public AAssociateRj rejection() {
        return rejection;
    }
}
