package io.dicomfind.camel;

import io.dicomfind.dicom.net.NegotiatedOptions;
import org.apache.camel.Message;

/** The negotiation headers of an exchange: the accepted extended negotiation and the identity's confirmation. */
final class NegotiationHeaders {
    private NegotiationHeaders() {
    }

    /** For the dev console: accepted features and the identity's fate; null when nothing was asked for. */
    static String describe(NegotiatedOptions n, String sopClassUid) {
        if (n == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (!n.requested(sopClassUid).isEmpty()) {
            sb.append("extended negotiation accepted: ").append(n.accepted(sopClassUid).isEmpty() ? "none"
                    : String.join(",", n.accepted(sopClassUid).stream().map(NegotiationSettings::optionName)
                            .toList()));
        }
        if (n.userIdentity() != null) {
            // describe() names the type and the user name, never a passcode or token
            sb.append(sb.length() > 0 ? "; " : "").append("user identity ").append(n.userIdentity().describe())
                    .append(n.userIdentityConfirmed() ? " confirmed" : " sent");
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    static void set(Message out, NegotiatedOptions n, String sopClassUid) {
        if (n == null) {
            return;
        }
        if (!n.requested(sopClassUid).isEmpty()) {
            out.setHeader(DicomFindConstants.ACCEPTED_EXTENDED_NEGOTIATION, n.accepted(sopClassUid).stream()
                    .map(NegotiationSettings::optionName).toList());
        }
        if (n.userIdentity() != null) {
            out.setHeader(DicomFindConstants.USER_IDENTITY_CONFIRMED, n.userIdentityConfirmed());
        }
    }
}
