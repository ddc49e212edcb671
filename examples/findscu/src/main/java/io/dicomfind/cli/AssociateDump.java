package io.dicomfind.cli;

import io.dicomfind.dicom.io.DumpWriter;
import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.Association;
import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.NegotiatedOptions;
import io.dicomfind.dicom.net.PresentationContextResult;
import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.PresentationContextAc;
import io.dicomfind.dicom.net.pdu.UserInformation;

/**
 * The association parameter blocks findscu logs at {@code -d}: "Request Parameters:" with the A-ASSOCIATE-RQ
 * before connecting, "Association Parameters Negotiated:" with the A-ASSOCIATE-AC once accepted (PS3.8 9.3.2,
 * 9.3.3). Line layout as DCMTK 3.6.7 prints it (observed against wlmscpfs and dcmqrscp); we negotiate no roles, so
 * those lines say {@code Default}; the negotiation lines say {@code none} unless our additions ({@code --relational},
 * {@code --user} ...) asked for something (see {@link NegotiationDump}).
 */
final class AssociateDump {
    private static final String RQ_BEGIN = "====================== BEGIN A-ASSOCIATE-RQ =====================";
    private static final String RQ_END = "======================= END A-ASSOCIATE-RQ ======================";
    private static final String AC_BEGIN = "====================== BEGIN A-ASSOCIATE-AC =====================";
    private static final String AC_END = "======================= END A-ASSOCIATE-AC ======================";

    private AssociateDump() {
    }

    /** What findscu logs before "Requesting Association": the parameters it is about to propose. */
    static String request(AssociationConfig config) {
        StringBuilder sb = new StringBuilder("Request Parameters:\n").append(RQ_BEGIN).append('\n');
        common(sb, config, "", "", config.calledAeTitle(), 0);
        for (int i = 0; i < config.abstractSyntaxes().size(); i++) {
            contextHead(sb, 2 * i + 1, "Proposed", config.abstractSyntaxes().get(i));
            sb.append("    Proposed Transfer Syntax(es):\n");
            for (TransferSyntax ts : config.proposal().transferSyntaxes()) {
                sb.append("      ").append(uid(ts.uid())).append('\n');
            }
        }
        NegotiationDump.request(sb, NegotiatedOptions.requestItem(config));
        return sb.append(RQ_END).append('\n').toString();
    }

    /** What findscu logs before "Association Accepted": our proposal with the acceptor's answers. */
    static String accepted(Association association) {
        AssociationConfig config = association.config();
        AAssociateAc ac = association.associateAc();
        UserInformation ui = ac.userInformation();
        StringBuilder sb = new StringBuilder("Association Parameters Negotiated:\n").append(AC_BEGIN).append('\n');
        common(sb, config, text(ui.implementationClassUid()), text(ui.implementationVersionName()),
                ac.calledAeTitle().trim(), ui.maxLength());
        for (PresentationContextResult pc : association.presentationContexts()) {
            contextHead(sb, pc.id(), resultText(pc.result()), pc.abstractSyntax());
            sb.append("    Accepted SCP/SCU Role: Default\n");
            if (pc.accepted()) {
                sb.append("    Accepted Transfer Syntax: ").append(uid(pc.transferSyntax().uid())).append('\n');
            }
        }
        NegotiationDump.accepted(sb, NegotiatedOptions.requestItem(config), ui);
        return sb.append(AC_END).append('\n').toString();
    }

    private static void common(StringBuilder sb, AssociationConfig config, String theirClassUid,
            String theirVersion, String responding, long theirMaxPdu) {
        sb.append("Our Implementation Class UID:      ").append(config.implementationClassUid()).append('\n')
                .append("Our Implementation Version Name:   ").append(text(config.implementationVersionName()))
                .append('\n')
                .append("Their Implementation Class UID:    ").append(text(theirClassUid)).append('\n')
                .append("Their Implementation Version Name: ").append(text(theirVersion)).append('\n')
                .append("Application Context Name:    ").append(SopClasses.APPLICATION_CONTEXT).append('\n')
                .append("Calling Application Name:    ").append(config.callingAeTitle()).append('\n')
                .append("Called Application Name:     ").append(config.calledAeTitle()).append('\n')
                .append("Responding Application Name: ").append(text(responding)).append('\n')
                .append("Our Max PDU Receive Size:    ").append(config.maxPduLength()).append('\n')
                .append("Their Max PDU Receive Size:  ").append(theirMaxPdu).append('\n')
                .append("Presentation Contexts:\n");
    }

    private static void contextHead(StringBuilder sb, int id, String state, String abstractSyntax) {
        sb.append("  Context ID:        ").append(id).append(" (").append(state).append(")\n")
                .append("    Abstract Syntax: ").append(uid(abstractSyntax)).append('\n')
                .append("    Proposed SCP/SCU Role: Default\n");
    }

    /** The result of a presentation context (PS3.8 Table 9-18) in DCMTK's words. */
    static String resultText(int result) {
        return switch (result) {
            case PresentationContextAc.ACCEPTANCE -> "Accepted";
            case PresentationContextAc.USER_REJECTION -> "User Rejection";
            case PresentationContextAc.NO_REASON -> "No Reason";
            case PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED -> "Abstract Syntax Not Supported";
            case PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED -> "Transfer Syntaxes Not Supported";
            default -> "Not Answered";
        };
    }

    /** {@code =Name} for a UID DCMTK knows by name, else the UID itself. */
    static String uid(String uid) {
        String name = DumpWriter.uidName(uid);
        return name != null ? "=" + name : uid;
    }

    /** Peer text (theirs) escaped for the log (docs/robustness.md, "Safe text"); ours is safe already. */
    private static String text(String s) {
        return s == null ? "" : io.dicomfind.dicom.data.SafeText.escape(s);
    }
}
