package io.dicomfind.dicom.net;

import io.dicomfind.dicom.io.TransferSyntax;
import io.dicomfind.dicom.net.TimedInputStream.Timer;
import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.AAssociateRj;
import io.dicomfind.dicom.net.pdu.AAssociateRq;
import io.dicomfind.dicom.net.pdu.Pdu;
import io.dicomfind.dicom.net.pdu.PresentationContextAc;
import io.dicomfind.dicom.net.pdu.PresentationContextRq;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Association establishment as requestor (PS3.8 7.1, 9.2 AE-1 to AE-4): the A-ASSOCIATE-RQ built from the
 * configuration (PS3.8 9.3.2), the wait for the answer, and the checks of an A-ASSOCIATE-AC (PS3.8 9.3.3) that
 * turn it into one result per proposed presentation context.
 */
final class AssociationEstablishment {
    // Logged under Association's name: that is the logger users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    /** The smallest peer maximum PDU length that can carry a message: one PDV header plus two bytes. */
    static final long MIN_PEER_MAX_PDU_LENGTH = 8;

    /** What was agreed: the A-ASSOCIATE-AC as received and every proposed context's result, in proposal order. */
    record Negotiated(AAssociateAc ac, List<PresentationContextResult> contexts, NegotiatedOptions options) {
    }

    private final AssociationConfig config;

    AssociationEstablishment(AssociationConfig config) {
        this.config = config;
    }

    /**
     * Sends A-ASSOCIATE-RQ and waits, within the ACSE timeout, for A-ASSOCIATE-AC (PS3.8 9.3.2, 9.3.3).
     *
     * @throws AssociationRejectedException   the peer sent A-ASSOCIATE-RJ (the transport is closed)
     * @throws NoPresentationContextException accepted, but not a single proposed context (released first)
     */
    Negotiated negotiate(UpperLayerConnection ul) throws IOException {
        AAssociateRq rq = request();
        ul.opened(); // for the error paths: the transport is up
        AAssociateAc ac;
        List<PresentationContextResult> contexts;
        try {
            ul.write(rq);
            ul.deadline(config.acseTimeout(), Timer.ACSE);
            Pdu pdu = ul.read();
            if (pdu == null) {
                throw new DicomNetworkException(ul.where() + ": connection closed by peer instead of answering the "
                        + "A-ASSOCIATE-RQ");
            }
            if (pdu instanceof AAssociateRj rj) {
                LOG.debug("{}: A-ASSOCIATE-RJ {}", config.peerDescription(), rj.describe());
                ul.rejected();
                if (NegotiatedOptions.identityRefused(config, rj.source(), rj.reason())) {
                    throw new UserIdentityRejectedException("association rejected by " + config.peerDescription()
                            + " (calling AE '" + config.callingAeTitle() + "'): " + rj.describe() + "; the "
                            + "request carried our user identity (" + config.userIdentity().describe()
                            + "), which the SCP did not accept", rj);
                }
                throw new AssociationRejectedException("association rejected by " + config.peerDescription()
                        + " (calling AE '" + config.callingAeTitle() + "'): " + rj.describe(), rj);
            }
            if (!(pdu instanceof AAssociateAc)) {
                throw ul.unexpected(pdu);
            }
            ac = (AAssociateAc) pdu;
            contexts = accept(ac);
        } catch (IOException e) {
            throw ul.failure(e);
        }
        if (contexts.stream().noneMatch(PresentationContextResult::accepted)) {
            NoPresentationContextException e = new NoPresentationContextException(config.peerDescription()
                    + " accepted the association but none of the proposed presentation contexts: "
                    + describeContexts(contexts), config.abstractSyntaxes().get(0));
            try {
                AssociationRelease.release(ul, config);
            } catch (IOException ignored) {
                // the association was useless anyway; the socket is closed
            }
            throw e;
        }
        NegotiatedOptions options = NegotiatedOptions.of(config, ac);
        UserIdentity identity = config.userIdentity();
        if (identity != null && identity.positiveResponseRequested() && !options.userIdentityConfirmed()) {
            // PS3.7 D.3.3.7.2: an acceptor that does not check identities accepts without a response; we asked for
            // one (findscu --user-rsp), so an unconfirmed identity does not do
            UserIdentityRejectedException e = new UserIdentityRejectedException(config.peerDescription()
                    + " accepted the association but did not confirm our user identity (" + identity.describe()
                    + ") although a positive response was requested (PS3.7 D.3.3.7.2); it does not check user "
                    + "identities, or ignored ours", null);
            try {
                AssociationRelease.release(ul, config);
            } catch (IOException ignored) {
                // the association is not used; the socket is closed
            }
            throw e;
        }
        return new Negotiated(ac, contexts, options);
    }

    /** One presentation context per abstract syntax, odd IDs 1, 3, 5... (PS3.8 9.3.2.2), each with all our syntaxes. */
    private AAssociateRq request() {
        List<PresentationContextRq> pcs = new ArrayList<>();
        List<String> tsUids = config.proposal().transferSyntaxes().stream().map(TransferSyntax::uid).toList();
        for (int i = 0; i < config.abstractSyntaxes().size(); i++) {
            pcs.add(new PresentationContextRq(2 * i + 1, config.abstractSyntaxes().get(i), tsUids));
        }
        UserInformation ui = NegotiatedOptions.requestItem(config);
        AAssociateRq rq = new AAssociateRq(config.calledAeTitle(), config.callingAeTitle(),
                SopClasses.APPLICATION_CONTEXT, pcs, ui);
        LOG.debug("{} -> {}: A-ASSOCIATE-RQ calling {}, {} presentation context(s) {} with {}, max PDU {}",
                config.callingAeTitle(), config.peerDescription(), config.callingAeTitle(), pcs.size(),
                config.abstractSyntaxes(), config.proposal().option(), config.maxPduLength());
        if (!ui.extendedNegotiations().isEmpty() || !ui.commonExtendedNegotiations().isEmpty()
                || ui.userIdentity() != null) {
            // UserIdentity.toString() masks the passcode or token
            LOG.debug("{} -> {}: extended negotiation {}, common extended negotiation {}, user identity {}",
                    config.callingAeTitle(), config.peerDescription(), ui.extendedNegotiations(),
                    ui.commonExtendedNegotiations(), ui.userIdentity());
        }
        return rq;
    }

    private List<PresentationContextResult> accept(AAssociateAc ac) throws DicomProtocolException {
        if (!SopClasses.APPLICATION_CONTEXT.equals(ac.applicationContext())) {
            LOG.warn("{} answered with application context {}; continuing", config.peerDescription(),
                    ac.applicationContext());
        }
        if (ac.userInformation() == null) {
            throw new DicomProtocolException("A-ASSOCIATE-AC without User Information item (maximum length is "
                    + "mandatory, PS3.7 D.3.3.1)", DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        long peerMax = ac.userInformation().maxLength();
        if (peerMax != 0 && peerMax < MIN_PEER_MAX_PDU_LENGTH) {
            // PS3.8 D.1 sets no minimum, but a P-DATA-TF must hold a PDV item header (6 bytes) and an even
            // fragment (PS3.8 E.2): below 8 bytes not a single message could be sent, so fail now, clearly
            throw new DicomProtocolException("A-ASSOCIATE-AC declares a maximum PDU length of " + peerMax
                    + " bytes, too small for any P-DATA-TF (at least " + MIN_PEER_MAX_PDU_LENGTH
                    + ": 6-byte PDV header and a 2-byte fragment)",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        List<TransferSyntax> proposed = config.proposal().transferSyntaxes();
        List<PresentationContextResult> contexts = new ArrayList<>();
        for (int i = 0; i < config.abstractSyntaxes().size(); i++) {
            int id = 2 * i + 1;
            String as = config.abstractSyntaxes().get(i);
            PresentationContextAc pc = ac.context(id);
            int result = pc == null ? -1 : pc.result();
            TransferSyntax ts = null;
            if (pc != null && pc.accepted()) {
                ts = TransferSyntax.forUid(pc.transferSyntax());
                if (ts == null || !proposed.contains(ts)) {
                    throw new DicomProtocolException("presentation context " + id + " accepted with transfer "
                            + "syntax " + pc.transferSyntax() + ", which we did not propose",
                            DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
                }
            }
            contexts.add(new PresentationContextResult(id, as, proposed, result, ts));
        }
        for (PresentationContextAc pc : ac.presentationContexts()) {
            if (!proposed(pc.id())) {
                LOG.warn("{}: A-ASSOCIATE-AC answers presentation context {} that was not proposed; ignored",
                        config.peerDescription(), pc.id());
            }
        }
        LOG.debug("{}: A-ASSOCIATE-AC max PDU {}, implementation {} {}, {}", config.peerDescription(),
                ac.userInformation().maxLength(), ac.userInformation().implementationClassUid(),
                ac.userInformation().implementationVersionName(), contexts);
        return contexts;
    }

    /** Whether {@code id} is one of the IDs {@link #request()} used. */
    private boolean proposed(int id) {
        return id >= 1 && id <= 255 && id % 2 == 1 && (id - 1) / 2 < config.abstractSyntaxes().size();
    }

    static String describeContexts(List<PresentationContextResult> results) {
        return results.stream().map(PresentationContextResult::toString).collect(Collectors.joining("; "));
    }
}
