package io.dicomfind.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * User Identity sub-item of the A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1, item type 58H): the type, whether a positive
 * response is requested, a primary field (user name, Kerberos ticket, SAML assertion or JSON Web Token) and, for
 * type 2 only, a secondary field (the passcode).
 *
 * <p>Everything but a user name is a secret: {@link #toString()} and {@link #describe()} name the type, the user
 * name and the field lengths only, never the passcode or token bytes (PS3.15 does not protect them on the wire
 * either, so they must at least stay out of logs and messages). The arrays are copied in and out.
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {
    /** PS3.7 Table D.3-14 User-Identity-Type values. */
    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        if (type < USERNAME || type > JWT) {
            throw new IllegalArgumentException("user identity type must be 1..5 (PS3.7 D.3.3.7.1), was " + type);
        }
        primaryField = Objects.requireNonNull(primaryField, "primary field").clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
        if (primaryField.length == 0) {
            throw new IllegalArgumentException("the user identity's " + typeName(type) + " must not be empty");
        }
        if (primaryField.length > 0xFFFF || secondaryField.length > 0xFFFF) {
            throw new IllegalArgumentException("the user identity's " + typeName(type)
                    + " is longer than 65535 bytes (PS3.7 D.3.3.7.1 gives its length two bytes)");
        }
        if (type != USERNAME_AND_PASSCODE && secondaryField.length != 0) {
            throw new IllegalArgumentException("only user name and passcode identities carry a secondary field");
        }
    }

    public static UserIdentity username(String username, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME, positiveResponseRequested, utf8(username, "user name"), null);
    }

    public static UserIdentity usernameAndPasscode(String username, String passcode,
            boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME_AND_PASSCODE, positiveResponseRequested, utf8(username, "user name"),
                utf8(passcode, "passcode"));
    }

    public static UserIdentity kerberos(byte[] ticket, boolean positiveResponseRequested) {
        return new UserIdentity(KERBEROS, positiveResponseRequested, ticket, null);
    }

    public static UserIdentity saml(String assertion, boolean positiveResponseRequested) {
        return new UserIdentity(SAML, positiveResponseRequested, utf8(assertion, "SAML assertion"), null);
    }

    public static UserIdentity jwt(String token, boolean positiveResponseRequested) {
        return new UserIdentity(JWT, positiveResponseRequested, utf8(token, "JSON Web Token"), null);
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    /** The user name for types 1 and 2 (UTF-8, PS3.7 D.3.3.7.1), else null: the other primary fields are secret. */
    public String username() {
        return type <= USERNAME_AND_PASSCODE ? new String(primaryField, StandardCharsets.UTF_8) : null;
    }

    /** Whether the primary field is a secret (ticket, assertion, token) rather than a user name. */
    public boolean primaryFieldSecret() {
        return type > USERNAME_AND_PASSCODE;
    }

    /** "user name and passcode for 'alice'", "JSON Web Token (812 bytes)": for messages; no secret in it. */
    public String describe() {
        String user = username();
        return user != null ? typeName(type) + " for '" + user + "'"
                : typeName(type) + " (" + primaryField.length + " bytes)";
    }

    /** The type in words (PS3.7 Table D.3-14). */
    public static String typeName(int type) {
        return switch (type) {
            case USERNAME -> "user name";
            case USERNAME_AND_PASSCODE -> "user name and passcode";
            case KERBEROS -> "Kerberos ticket";
            case SAML -> "SAML assertion";
            case JWT -> "JSON Web Token";
            default -> "user identity type " + type;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentity u && type == u.type && positiveResponseRequested == u.positiveResponseRequested
                && Arrays.equals(primaryField, u.primaryField) && Arrays.equals(secondaryField, u.secondaryField);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(primaryField);
    }

    /** Masked: the passcode or token never appears (see the class comment). */
    @Override
    public String toString() {
        String primary = primaryFieldSecret() ? "***" : username();
        return "UserIdentity[" + typeName(type) + ", primary=" + primary + " (" + primaryField.length + " bytes)"
                + (type == USERNAME_AND_PASSCODE ? ", passcode=*** (" + secondaryField.length + " bytes)" : "")
                + ", positiveResponseRequested=" + positiveResponseRequested + "]";
    }

    private static byte[] utf8(String s, String what) {
        Objects.requireNonNull(s, what);
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
