package io.dicomfind.dicom.scp;

import io.dicomfind.dicom.net.pdu.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * How the embedded SCP checks a requestor's user identity (PS3.7 D.3.3.7): the server response for an accepted
 * identity (PS3.7 D.3.3.7.2: empty for user name identities, a server ticket, SAML response or JWT response for the
 * others), or null to reject the association (A-ASSOCIATE-RJ rejected-permanent, service-user, no-reason-given:
 * PS3.8 Table 9-21 has no reason of its own for it). The response is sent only when the requestor asked for one.
 */
@FunctionalInterface
public interface UserIdentityCheck {
    byte[] check(UserIdentity identity);

    /** Accepts user name and passcode identities whose passcode matches (compared in constant time). */
    static UserIdentityCheck passcodes(Map<String, String> passcodeByUser) {
        Map<String, String> copy = Map.copyOf(passcodeByUser);
        return id -> {
            if (id.type() != UserIdentity.USERNAME_AND_PASSCODE) {
                return null;
            }
            String expected = copy.get(id.username());
            return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    id.secondaryField()) ? new byte[0] : null;
        };
    }

    /** Accepts any identity of one of the given types, answering {@code response} (e.g. for a JWT or SAML test). */
    static UserIdentityCheck anyOfType(byte[] response, int... types) {
        byte[] copy = response.clone();
        return id -> {
            for (int t : types) {
                if (id.type() == t) {
                    return copy.clone();
                }
            }
            return null;
        };
    }
}
