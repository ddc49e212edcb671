package io.dicomfind.dicom.net;

import io.dicomfind.dicom.net.pdu.AAssociateAc;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.ExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import io.dicomfind.dicom.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The negotiation sub-items of our A-ASSOCIATE-RQ (PS3.7 D.3.3.5-D.3.3.7) and what the A-ASSOCIATE-AC made of
 * them: per SOP class the C-FIND features asked for and accepted (only a feature both asked for and answered with 1
 * is accepted; anything else the acceptor says is logged and ignored), and the user identity server response.
 */
public final class NegotiatedOptions {
    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Map<String, Set<QueryOption>> requested;
    private final Map<String, Set<QueryOption>> accepted;
    private final UserIdentity userIdentity;
    private final byte[] userIdentityServerResponse;

    private NegotiatedOptions(Map<String, Set<QueryOption>> requested, Map<String, Set<QueryOption>> accepted,
            UserIdentity userIdentity, byte[] userIdentityServerResponse) {
        this.requested = requested;
        this.accepted = accepted;
        this.userIdentity = userIdentity;
        this.userIdentityServerResponse = userIdentityServerResponse;
    }

    /** The C-FIND features asked for, per proposed SOP class they apply to (PS3.4 C.5.1.1). */
    static Map<String, Set<QueryOption>> requested(AssociationConfig config) {
        Map<String, Set<QueryOption>> map = new LinkedHashMap<>();
        if (!config.queryOptions().isEmpty()) {
            for (String sop : config.abstractSyntaxes()) {
                if (QueryOption.appliesTo(sop)) {
                    map.put(sop, config.queryOptions());
                }
            }
        }
        return map;
    }

    /** The User Information item of our A-ASSOCIATE-RQ: findscu's three sub-items, then the negotiation ones. */
    public static UserInformation requestItem(AssociationConfig config) {
        List<ExtendedNegotiation> extended = new ArrayList<>();
        requested(config).forEach((sop, options) -> extended.add(new ExtendedNegotiation(sop,
                QueryOption.encode(options))));
        if (extended.isEmpty() && !config.queryOptions().isEmpty()) {
            LOG.warn("{} (PS3.4 C.5.1.1) is negotiated for the Query/Retrieve FIND SOP classes only; not asked for "
                    + "{}", QueryOption.describe(config.queryOptions()),
                    config.abstractSyntaxes().stream().map(SopClasses::name).toList());
        }
        List<CommonExtendedNegotiation> common = config.commonExtendedNegotiations();
        return new UserInformation(config.maxPduLength(), config.implementationClassUid(),
                config.implementationVersionName(), extended, common, config.userIdentity(), null);
    }

    /** Whether to report an A-ASSOCIATE-RJ as a refused identity: we sent one and no more specific reason is given. */
    static boolean identityRefused(AssociationConfig config, int source, int reason) {
        return config.userIdentity() != null && source == 1 && reason == 1;
    }

    /**
     * Interprets the answer. Logs at INFO what was accepted, at WARN in one message per SOP class what was asked
     * for and not accepted, and at WARN what was answered without being asked for.
     */
    static NegotiatedOptions of(AssociationConfig config, AAssociateAc ac) {
        String peer = config.peerDescription();
        UserInformation ui = ac.userInformation();
        Map<String, Set<QueryOption>> requested = requested(config);
        Map<String, Set<QueryOption>> accepted = new LinkedHashMap<>();
        for (ExtendedNegotiation answer : ui.extendedNegotiations()) {
            Set<QueryOption> asked = requested.get(answer.sopClassUid());
            if (asked == null) {
                LOG.warn("{} answered SOP class extended negotiation for {}, which we did not ask for; ignored",
                        peer, SopClasses.name(answer.sopClassUid()));
                continue;
            }
            Set<QueryOption> claimed = QueryOption.decode(answer);
            Set<QueryOption> unasked = EnumSet.noneOf(QueryOption.class);
            unasked.addAll(claimed);
            unasked.removeAll(asked);
            if (!unasked.isEmpty()) {
                LOG.warn("{} claims {} for {}, which we did not ask for; not used", peer,
                        QueryOption.describe(unasked), SopClasses.name(answer.sopClassUid()));
            }
            claimed.retainAll(asked);
            accepted.put(answer.sopClassUid(), Set.copyOf(claimed));
        }
        requested.forEach((sop, asked) -> {
            Set<QueryOption> got = accepted.computeIfAbsent(sop, s -> Set.of());
            Set<QueryOption> refused = EnumSet.copyOf(asked);
            refused.removeAll(got);
            if (!got.isEmpty()) {
                LOG.info("{} accepted {} for {}", peer, QueryOption.describe(EnumSet.copyOf(got)),
                        SopClasses.name(sop));
            }
            if (!refused.isEmpty()) {
                LOG.warn("{} did not accept {} for {}: queries on this association do without {}{}", peer,
                        QueryOption.describe(refused), SopClasses.name(sop), refused.size() == 1 ? "it" : "them",
                        refused.contains(QueryOption.RELATIONAL)
                                ? " (a query is hierarchical: each level above the query level needs its unique key)"
                                : "");
            }
        });
        byte[] response = ui.userIdentityServerResponse();
        UserIdentity identity = config.userIdentity();
        if (response != null && (identity == null || !identity.positiveResponseRequested())) {
            LOG.warn("{} sent a user identity server response that we did not ask for; ignored", peer);
            response = null;
        } else if (response != null) {
            LOG.info("{} confirmed our user identity ({}), server response of {} bytes", peer, identity.describe(),
                    response.length);
        }
        return new NegotiatedOptions(requested, accepted, identity, response);
    }

    /** The C-FIND features asked for on a SOP class; empty when none or it does not apply. */
    public Set<QueryOption> requested(String sopClassUid) {
        return requested.getOrDefault(sopClassUid, Set.of());
    }

    /** The C-FIND features the acceptor accepted on a SOP class (a subset of {@link #requested(String)}). */
    public Set<QueryOption> accepted(String sopClassUid) {
        Set<QueryOption> set = accepted.getOrDefault(sopClassUid, Set.of());
        return set.isEmpty() ? Set.of() : EnumSet.copyOf(set);
    }

    /** The user identity sent, or null. Its {@code toString()} masks the secret. */
    public UserIdentity userIdentity() {
        return userIdentity;
    }

    /** Whether a user identity was sent with a positive response requested, and the acceptor gave one. */
    public boolean userIdentityConfirmed() {
        return userIdentityServerResponse != null;
    }

    /**
     * The server response (PS3.7 D.3.3.7.2): empty for user name identities, else the Kerberos server ticket, SAML
     * response or JWT response; null when none was requested or given. Not logged: it may be a credential.
     */
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }
}
