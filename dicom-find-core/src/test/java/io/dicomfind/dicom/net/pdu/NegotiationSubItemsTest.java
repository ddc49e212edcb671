package io.dicomfind.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The negotiation sub-items of PS3.7 D.3.3.5-D.3.3.7, byte for byte, and their masked text forms. */
class NegotiationSubItemsTest {
    private static final String STUDY_ROOT = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String ELE = "1.2.840.10008.1.2.1";

    private static AAssociateRq rq(UserInformation ui) {
        return new AAssociateRq("ANY-SCP", "FINDSCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextRq(1, STUDY_ROOT, List.of(ELE))), ui);
    }

    @Test
    void everySubItemRoundTripsWithTheLayoutOfPs37TablesD3_11ToD3_15() throws Exception {
        UserInformation ui = new UserInformation(16384, "2.25.1", "V1",
                List.of(new ExtendedNegotiation(STUDY_ROOT, new byte[] {1, 0, 1})),
                List.of(new CommonExtendedNegotiation("1.2.3.4", "1.2.840.10008.4.2", List.of("1.2.3", "1.2.5"))),
                UserIdentity.usernameAndPasscode("alice", "s3cret", true), null);
        byte[] b = PduCodec.encode(rq(ui));
        String hex = HexFormat.of().formatHex(b);
        // 56H, reserved, length 2+27+3, UID length 27, UID, bytes 01 00 01
        assertTrue(hex.contains("5600" + "0020" + "001b" + HexFormat.of().formatHex(ascii(STUDY_ROOT)) + "010001"),
                hex);
        // 57H, version 0, UID lengths and the related general SOP class identification of two UIDs
        assertTrue(hex.contains("5700" + "002c" + "0007" + HexFormat.of().formatHex(ascii("1.2.3.4")) + "0011"
                + HexFormat.of().formatHex(ascii("1.2.840.10008.4.2")) + "000e" + "0005"
                + HexFormat.of().formatHex(ascii("1.2.3")) + "0005" + HexFormat.of().formatHex(ascii("1.2.5"))), hex);
        // 58H: type 2, positive response requested, primary (user name), secondary (passcode)
        assertTrue(hex.contains("5800" + "0011" + "02" + "01" + "0005" + HexFormat.of().formatHex(ascii("alice"))
                + "0006" + HexFormat.of().formatHex(ascii("s3cret"))), hex);
        AAssociateRq back = (AAssociateRq) PduCodecTest.decodeWhole(b);
        assertEquals(ui, back.userInformation());
        assertEquals("s3cret", new String(back.userInformation().userIdentity().secondaryField(),
                StandardCharsets.UTF_8));
    }

    @Test
    void serverResponseSubItemRoundTrips() throws Exception {
        AAssociateAc ac = new AAssociateAc(1, "ANY-SCP", "FINDSCU", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextAc(1, 0, ELE)), new UserInformation(0, "1.2", null, List.of(),
                        List.of(), null, new byte[] {7, 8}));
        byte[] b = PduCodec.encode(ac);
        assertTrue(HexFormat.of().formatHex(b).contains("59000004" + "0002" + "0708"));
        AAssociateAc back = (AAssociateAc) PduCodecTest.decodeWhole(b);
        assertArrayEquals(new byte[] {7, 8}, back.userInformation().userIdentityServerResponse());
        assertNull(back.userInformation().userIdentity());
    }

    @Test
    void withoutNegotiationTheRequestIsWhatItWasBefore() {
        byte[] plain = PduCodec.encode(rq(new UserInformation(16384, "2.25.1", "V1")));
        byte[] empty = PduCodec.encode(rq(new UserInformation(16384, "2.25.1", "V1", List.of(), List.of(), null,
                null)));
        assertArrayEquals(plain, empty);
        String hex = HexFormat.of().formatHex(plain);
        for (String type : List.of("5600", "5700", "5800", "5900")) {
            assertFalse(hex.contains("0000" + type + "00"), type); // crude, but no sub-item header after the UIDs
        }
    }

    @Test
    void aLyingInnerLengthIsAProtocolErrorNamingTheSubItem() {
        byte[] b = PduCodec.encode(rq(new UserInformation(0, "1.2", null, List.of(), List.of(),
                UserIdentity.usernameAndPasscode("bob", "pw", false), null)));
        // the primary field length 0003 -> 00FF: longer than the sub-item
        String hex = HexFormat.of().formatHex(b).replace("580000" + "0b" + "0200" + "0003", "580000" + "0b" + "0200"
                + "00ff");
        byte[] bad = HexFormat.of().parseHex(hex);
        DicomProtocolException e = assertThrows(DicomProtocolException.class, () -> PduCodecTest.decodeWhole(bad));
        assertTrue(e.getMessage().contains("user identity sub-item"), e.getMessage());
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }

    @Test
    void textFormsNeverShowThePasscodeOrToken() {
        UserIdentity pass = UserIdentity.usernameAndPasscode("alice", "TopSecret-42", true);
        UserIdentity jwt = UserIdentity.jwt("eyJhbGciOiJIUzI1NiJ9.e30.SIGNATURE", false);
        UserInformation ui = new UserInformation(0, "1.2", null, List.of(), List.of(), pass, null);
        for (String text : List.of(pass.toString(), pass.describe(), jwt.toString(), jwt.describe(), ui.toString(),
                rq(ui).toString())) {
            assertFalse(text.contains("TopSecret-42") || text.contains("SIGNATURE") || text.contains("eyJ"), text);
        }
        assertTrue(pass.toString().contains("passcode=***"), pass.toString());
        assertEquals("user name and passcode for 'alice'", pass.describe());
        assertEquals("JSON Web Token (34 bytes)", jwt.describe());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
