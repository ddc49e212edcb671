package io.dicomfind.cli;

import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.NegotiatedOptions;
import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.ExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * The negotiation lines of the {@code -d} association blocks (PS3.7 D.3.3.5-D.3.3.7). Without our additions they are
 * DCMTK's four {@code none} lines, so the blocks stay findscu's. With them, the user identity lines follow the layout
 * DCMTK 3.6.7 storescu prints ({@code Authentication mode 2: Username/Password} ...), except that where storescu
 * prints the password in the clear we print {@code ***}: no passcode, assertion, ticket or token in any log.
 */
final class NegotiationDump {
    private NegotiationDump() {
    }

    /**
     * What {@code -v} shows after "Association Accepted" when our additions asked for something: the features the
     * SCP accepted and whether it confirmed the identity. Nothing otherwise, so that {@code -v} stays findscu's.
     */
    static List<String> verbose(Association association, String sopClass) {
        NegotiatedOptions n = association.negotiatedOptions();
        List<String> lines = new ArrayList<>();
        if (!n.requested(sopClass).isEmpty()) {
            lines.add("Accepted Extended Negotiation: " + QueryOption.describe(n.accepted(sopClass)));
        }
        UserIdentity id = n.userIdentity();
        if (id != null) {
            lines.add("User Identity: " + id.describe() + (n.userIdentityConfirmed() ? ", confirmed by the SCP"
                    : ", no response requested"));
        }
        return lines;
    }

    static void request(StringBuilder sb, UserInformation rq) {
        extended(sb, "Requested Extended Negotiation: ", rq.extendedNegotiations());
        common(sb, rq.commonExtendedNegotiations());
        sb.append("Accepted Extended Negotiation:  none\n");
        identity(sb, rq.userIdentity());
        sb.append("User Identity Negotiation Response:  none\n");
    }

    static void accepted(StringBuilder sb, UserInformation rq, UserInformation ac) {
        extended(sb, "Requested Extended Negotiation: ", rq.extendedNegotiations());
        common(sb, rq.commonExtendedNegotiations());
        extended(sb, "Accepted Extended Negotiation:  ", ac.extendedNegotiations());
        identity(sb, rq.userIdentity());
        byte[] response = ac.userIdentityServerResponse();
        sb.append("User Identity Negotiation Response:");
        if (response == null) {
            sb.append("  none\n");
        } else {
            // DCMTK's line; the server response can be a credential (a Kerberos server ticket, a SAML response)
            sb.append('\n').append("  Server Response (not dumped) length: ").append(response.length).append('\n');
        }
    }

    private static void extended(StringBuilder sb, String head, List<ExtendedNegotiation> items) {
        if (items.isEmpty()) {
            sb.append(head).append("none\n");
            return;
        }
        sb.append(head.strip()).append('\n');
        for (ExtendedNegotiation e : items) {
            sb.append("  Abstract Syntax: ").append(AssociateDump.uid(e.sopClassUid())).append('\n')
                    .append("    Application Information, length: ").append(e.length()).append('\n')
                    .append("     ");
            for (int i = 0; i < e.length(); i++) {
                sb.append(String.format(" 0x%02x", e.byteAt(i)));
            }
            sb.append(" (").append(QueryOption.describe(QueryOption.decode(e))).append(")\n");
        }
    }

    private static void common(StringBuilder sb, List<CommonExtendedNegotiation> items) {
        for (CommonExtendedNegotiation c : items) {
            sb.append("Requested Common Extended Negotiation:\n")
                    .append("  Abstract Syntax: ").append(AssociateDump.uid(c.sopClassUid())).append('\n')
                    .append("    Service Class: ").append(AssociateDump.uid(c.serviceClassUid())).append('\n');
            for (String related : c.relatedGeneralSopClassUids()) {
                sb.append("    Related General SOP Class: ").append(AssociateDump.uid(related)).append('\n');
            }
        }
    }

    private static void identity(StringBuilder sb, UserIdentity id) {
        sb.append("Requested User Identity Negotiation:");
        if (id == null) {
            sb.append(" none\n");
            return;
        }
        sb.append('\n').append("  Authentication mode ").append(id.type()).append(": ").append(mode(id.type()))
                .append('\n');
        if (id.primaryFieldSecret()) {
            sb.append("  ").append(UserIdentity.typeName(id.type())).append(": [*** ")
                    .append(id.primaryField().length).append(" bytes]\n");
        } else {
            sb.append("  Username: [").append(id.username()).append("]\n");
        }
        if (id.type() == UserIdentity.USERNAME_AND_PASSCODE) {
            sb.append("  Password: [***]\n");
        }
        sb.append("  Positive Response requested: ").append(id.positiveResponseRequested() ? "Yes" : "No")
                .append('\n');
    }

    /** DCMTK's words for the User-Identity-Type (PS3.7 Table D.3-14). */
    private static String mode(int type) {
        return switch (type) {
            case UserIdentity.USERNAME -> "Username";
            case UserIdentity.USERNAME_AND_PASSCODE -> "Username/Password";
            case UserIdentity.KERBEROS -> "Kerberos";
            case UserIdentity.SAML -> "SAML";
            default -> "JSON Web Token";
        };
    }
}
