package io.dicomfind.cli;

import io.dicomfind.dicom.net.QueryOption;
import io.dicomfind.dicom.net.pdu.CommonExtendedNegotiation;
import io.dicomfind.dicom.net.pdu.UserIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Our additions to findscu's options for the negotiation sub-items (PS3.7 D.3.3.5-D.3.3.7), spelled as dcm4che's
 * findscu: {@code --relational --datetime --fuzzy --timezone} and ours for the other C-FIND bytes;
 * {@code --user --user-pass --user-rsp --user-jwt --user-saml --user-kerberos}; {@code --common-negotiation}.
 * A passcode, assertion or token is given as a value or, to keep it out of the process list, as {@code @file}.
 */
final class NegotiationArguments {
    /** The C-FIND extended negotiation options by their long names, in byte order (PS3.4 C.5.1.1). */
    static final List<String> QUERY_OPTION_NAMES = List.of("--relational", "--datetime", "--fuzzy", "--timezone",
            "--multiframe", "--empty-value", "--multiple-value");

    Set<QueryOption> queryOptions = EnumSet.noneOf(QueryOption.class);
    UserIdentity userIdentity;
    /** From {@code --common-negotiation}: service class UID then related general SOP class UIDs; empty: none. */
    List<String> commonNegotiation = List.of();

    static QueryOption queryOption(String longName) {
        return QueryOption.values()[QUERY_OPTION_NAMES.indexOf(longName)];
    }

    /** The SOP Class Common Extended Negotiation sub-item for the proposed SOP class, if asked for. */
    List<CommonExtendedNegotiation> commonExtendedNegotiations(String sopClassUid) {
        if (commonNegotiation.isEmpty()) {
            return List.of();
        }
        return List.of(new CommonExtendedNegotiation(sopClassUid, commonNegotiation.get(0),
                commonNegotiation.subList(1, commonNegotiation.size())));
    }

    /** {@code --common-negotiation SERVICE[,RELATED...]}: UIDs, checked for their syntax (PS3.5 9.1). */
    static List<String> uids(String option, String value) throws UsageException {
        List<String> uids = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
        for (String uid : uids) {
            if (!uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+") || uid.length() > 64) {
                throw new UsageException("Invalid value for option " + option + ": '" + uid + "' is not a UID"
                        + " (allowed: a service class UID, then related general SOP class UIDs, comma separated)");
            }
        }
        return uids;
    }

    /**
     * The user identity from the options given (null: none). {@code user}, {@code passcode} ... are the raw values,
     * null when absent; the caller has checked that at most one of jwt, saml and kerberos is given.
     */
    static UserIdentity identity(String user, String passcode, String jwt, String saml, String kerberosFile,
            boolean positiveResponse) throws UsageException {
        if (passcode != null && user == null) {
            throw new UsageException("--user-pass only allowed with --user");
        }
        int tokens = (jwt != null ? 1 : 0) + (saml != null ? 1 : 0) + (kerberosFile != null ? 1 : 0);
        if (tokens > 1 || tokens == 1 && user != null) {
            throw new UsageException("give one user identity: --user (with --user-pass), --user-jwt, --user-saml or"
                    + " --user-kerberos");
        }
        if (positiveResponse && user == null && tokens == 0) {
            throw new UsageException("--user-rsp only allowed with --user, --user-jwt, --user-saml or --user-kerberos");
        }
        try {
            if (user != null) {
                if (user.isEmpty()) {
                    throw new UsageException("Invalid value for option --user: the user name must not be empty");
                }
                return passcode == null ? UserIdentity.username(user, positiveResponse)
                        : UserIdentity.usernameAndPasscode(user, text("--user-pass", passcode), positiveResponse);
            }
            if (jwt != null) {
                return UserIdentity.jwt(text("--user-jwt", jwt), positiveResponse);
            }
            if (saml != null) {
                return UserIdentity.saml(text("--user-saml", saml), positiveResponse);
            }
            if (kerberosFile != null) {
                return UserIdentity.kerberos(bytes("--user-kerberos", Path.of(kerberosFile)), positiveResponse);
            }
        } catch (IllegalArgumentException e) {
            // the message names the option and a length, never the value
            throw new UsageException("Invalid user identity: " + e.getMessage());
        }
        return null;
    }

    /** A value, or the contents of the file after {@code @} (one trailing line break removed). */
    private static String text(String option, String value) throws UsageException {
        if (!value.startsWith("@")) {
            return value;
        }
        String s = new String(bytes(option, Path.of(value.substring(1))), StandardCharsets.UTF_8);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1)
                : s;
    }

    /** The file's bytes, at most 65535 (the field's two-byte length, PS3.7 D.3.3.7.1); read only once checked. */
    private static byte[] bytes(String option, Path file) throws UsageException {
        try {
            long size = Files.size(file);
            if (size > 0xFFFF) {
                throw new UsageException("Invalid value for option " + option + ": " + file + " has " + size
                        + " bytes, more than the 65535 a user identity field can hold (PS3.7 D.3.3.7.1)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " for option " + option + ": " + e.getMessage());
        }
    }
}
