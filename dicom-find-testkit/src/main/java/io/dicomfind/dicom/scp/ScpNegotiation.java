package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.pdu.AAssociateRq;
import io.dicomfind.dicom.net.pdu.ExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the embedded SCP answers to the negotiation sub-items of an A-ASSOCIATE-RQ (PS3.7 D.3.3.5-D.3.3.7): the
 * C-FIND features it accepts, extra sub-items it sends unasked (to test requestors against such acceptors), and its
 * user identity check. The default accepts no feature and ignores identities, sending no sub-item at all, as DCMTK's
 * dcmqrscp and Orthanc do.
 */
record ScpNegotiation(Set<QueryOption> acceptedQueryOptions, List<ExtendedNegotiation> unsolicitedExtendedNegotiations,
        UserIdentityCheck userIdentityCheck, byte[] unsolicitedUserIdentityResponse) {
    static final ScpNegotiation NONE = new ScpNegotiation(Set.of(), List.of(), null, null);

    /** The answer to a request's user identity: refused, or accepted with the response to send (may be null). */
    record IdentityAnswer(boolean refused, byte[] response) {
    }

    IdentityAnswer checkIdentity(AAssociateRq rq) {
        UserIdentity id = rq.userInformation() == null ? null : rq.userInformation().userIdentity();
        if (id == null || userIdentityCheck == null) {
            return new IdentityAnswer(false, unsolicitedUserIdentityResponse);
        }
        byte[] response = userIdentityCheck.check(id);
        if (response == null) {
            return new IdentityAnswer(true, null);
        }
        return new IdentityAnswer(false, id.positiveResponseRequested() ? response : unsolicitedUserIdentityResponse);
    }

    /**
     * PS3.4 C.5.1.1.1: one answer per requested sub-item of a SOP class it serves and negotiates, each byte 1 where
     * asked and accepted, as long as the request's field; then the unsolicited ones.
     */
    List<ExtendedNegotiation> answer(AAssociateRq rq, java.util.function.Predicate<String> served) {
        List<ExtendedNegotiation> out = new ArrayList<>();
        UserInformation ui = rq.userInformation();
        if (ui != null && !acceptedQueryOptions.isEmpty()) {
            for (ExtendedNegotiation asked : ui.extendedNegotiations()) {
                if (!QueryOption.appliesTo(asked.sopClassUid()) || !served.test(asked.sopClassUid())) {
                    continue;
                }
                Set<QueryOption> yes = EnumSet.noneOf(QueryOption.class);
                yes.addAll(QueryOption.decode(asked));
                yes.retainAll(acceptedQueryOptions);
                byte[] info = new byte[Math.min(asked.length(), QueryOption.values().length)];
                for (QueryOption o : yes) {
                    info[o.ordinal()] = 1;
                }
                out.add(new ExtendedNegotiation(asked.sopClassUid(), info));
            }
        }
        out.addAll(unsolicitedExtendedNegotiations);
        return out;
    }
}
