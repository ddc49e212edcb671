package io.dicomfind.camel;

import io.dicomfind.dicom.net.AssociationConfig;
import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoint's extended negotiation and user identity options mapped onto the network layer (PS3.4 C.5.1.1, PS3.7
 * D.3.3.5-D.3.3.7). Error messages name the option, never a secret's value.
 */
final class NegotiationSettings {
    private NegotiationSettings() {
    }

    static void apply(DicomFindConfiguration c, String sopClassUid, AssociationConfig.Builder b) {
        b.queryOptions(queryOptions(c));
        b.userIdentity(userIdentity(c));
        String common = c.getCommonExtendedNegotiation();
        if (common != null && !common.isBlank()) {
            List<String> uids = Arrays.stream(common.split(",")).map(String::strip).toList();
            b.commonExtendedNegotiations(List.of(new CommonExtendedNegotiation(sopClassUid, uids.get(0),
                    uids.subList(1, uids.size()))));
        }
    }

    static Set<QueryOption> queryOptions(DicomFindConfiguration c) {
        Set<QueryOption> set = EnumSet.noneOf(QueryOption.class);
        add(set, c.isRelationalQueries(), QueryOption.RELATIONAL);
        add(set, c.isCombinedDateTimeMatching(), QueryOption.DATETIME);
        add(set, c.isFuzzySemanticMatching(), QueryOption.FUZZY);
        add(set, c.isTimezoneQueryAdjustment(), QueryOption.TIMEZONE);
        add(set, c.isEnhancedMultiFrameImageConversion(), QueryOption.ENHANCED_MULTIFRAME);
        add(set, c.isEmptyValueMatching(), QueryOption.EMPTY_VALUE);
        add(set, c.isMultipleValueMatching(), QueryOption.MULTIPLE_VALUE);
        return set;
    }

    /** The component option name of a C-FIND feature, as the header lists it. */
    static String optionName(QueryOption o) {
        return switch (o) {
            case RELATIONAL -> "relationalQueries";
            case DATETIME -> "combinedDateTimeMatching";
            case FUZZY -> "fuzzySemanticMatching";
            case TIMEZONE -> "timezoneQueryAdjustment";
            case ENHANCED_MULTIFRAME -> "enhancedMultiFrameImageConversion";
            case EMPTY_VALUE -> "emptyValueMatching";
            case MULTIPLE_VALUE -> "multipleValueMatching";
        };
    }

    private static void add(Set<QueryOption> set, boolean on, QueryOption o) {
        if (on) {
            set.add(o);
        }
    }

    static UserIdentity userIdentity(DicomFindConfiguration c) {
        String user = blankToNull(c.getUsername());
        String pass = c.getPassword();
        String token = blankToNull(c.getToken());
        String type = blankToNull(c.getUserIdentityType());
        boolean rsp = c.isUserIdentityPositiveResponse();
        if (type == null) {
            type = user != null ? (pass != null ? "usernameAndPasscode" : "username") : token != null ? "jwt" : null;
        }
        if (type == null) {
            if (rsp || pass != null) {
                throw new IllegalArgumentException("dicomfind: " + (rsp ? "userIdentityPositiveResponse" : "password")
                        + " needs a user identity: set username (or token)");
            }
            return null;
        }
        try {
            return switch (type) {
                case "username" -> UserIdentity.username(required(user, "username", type), rsp);
                case "usernameAndPasscode" -> UserIdentity.usernameAndPasscode(required(user, "username", type),
                        required(pass, "password", type), rsp);
                case "kerberos" -> UserIdentity.kerberos(base64(required(token, "token", type)), rsp);
                case "saml" -> UserIdentity.saml(required(token, "token", type), rsp);
                case "jwt" -> UserIdentity.jwt(required(token, "token", type), rsp);
                default -> throw new IllegalArgumentException("dicomfind: userIdentityType '" + type + "' is not one"
                        + " of username, usernameAndPasscode, kerberos, saml, jwt");
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("dicomfind:") ? e
                    : new IllegalArgumentException("dicomfind: user identity: " + e.getMessage());
        }
    }

    private static String required(String value, String option, String type) {
        if (value == null) {
            throw new IllegalArgumentException("dicomfind: userIdentityType " + type + " needs " + option);
        }
        return value;
    }

    private static byte[] base64(String ticket) {
        try {
            return Base64.getDecoder().decode(ticket.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // not the decoder's message: it could quote part of the ticket
            throw new IllegalArgumentException("dicomfind: token is not a base64 Kerberos ticket");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
