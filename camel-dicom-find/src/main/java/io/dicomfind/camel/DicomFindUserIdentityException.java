package io.dicomfind.camel;

import io.dicomfind.dicom.net.UserIdentityRejectedException;

/**
 * The SCP did not accept the endpoint's user identity (PS3.7 D.3.3.7): it rejected the association that carried it,
 * or did not confirm it although userIdentityPositiveResponse asked it to. Reason
 * {@link Reason#USER_IDENTITY_REJECTED}; not transient (retrying with the same credentials does not help). The
 * message names the identity type and user name, never the password or token.
 */
public class DicomFindUserIdentityException extends DicomFindAssociationException {
    private static final long serialVersionUID = 1L;

    public DicomFindUserIdentityException(String message, String peer, String reasonText, Throwable cause) {
        super(message, peer, Reason.USER_IDENTITY_REJECTED, reasonText, false, cause);
    }

    static DicomFindUserIdentityException of(String peer, String what, UserIdentityRejectedException e) {
        String text = e.rejection() != null ? e.rejection().describe() : "identity not confirmed";
        return new DicomFindUserIdentityException(what + " with " + peer + " failed (" + Reason.USER_IDENTITY_REJECTED
                + "): " + e.getMessage(), peer, text, e);
    }
}
