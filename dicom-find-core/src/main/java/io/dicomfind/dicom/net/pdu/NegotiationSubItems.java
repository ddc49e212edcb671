package io.dicomfind.dicom.net.pdu;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The negotiation sub-items of the User Information item (PS3.7 D.3.3.5 to D.3.3.7): SOP Class Extended
 * Negotiation (56H), SOP Class Common Extended Negotiation (57H), User Identity request (58H) and server response
 * (59H). Every inner length is checked against the sub-item's own length before it is used.
 */
final class NegotiationSubItems {
    private NegotiationSubItems() {
    }

    static void encode(ByteArrayOutputStream sub, UserInformation ui) {
        for (ExtendedNegotiation e : ui.extendedNegotiations()) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            lengthAndBytes(v, PduCodec.ascii(e.sopClassUid()));
            v.writeBytes(e.applicationInformation());
            PduCodec.item(sub, PduCodec.SUB_ITEM_EXTENDED_NEGOTIATION, v.toByteArray());
        }
        for (CommonExtendedNegotiation c : ui.commonExtendedNegotiations()) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            lengthAndBytes(v, PduCodec.ascii(c.sopClassUid()));
            lengthAndBytes(v, PduCodec.ascii(c.serviceClassUid()));
            ByteArrayOutputStream related = new ByteArrayOutputStream();
            for (String uid : c.relatedGeneralSopClassUids()) {
                lengthAndBytes(related, PduCodec.ascii(uid));
            }
            lengthAndBytes(v, related.toByteArray());
            // byte 2 is the Sub-Item-version, 0 (PS3.7 Table D.3-12): item() writes it as the reserved byte
            PduCodec.item(sub, PduCodec.SUB_ITEM_COMMON_EXTENDED_NEGOTIATION, v.toByteArray());
        }
        UserIdentity id = ui.userIdentity();
        if (id != null) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            v.write(id.type());
            v.write(id.positiveResponseRequested() ? 1 : 0);
            lengthAndBytes(v, id.primaryField());
            lengthAndBytes(v, id.secondaryField());
            PduCodec.item(sub, PduCodec.SUB_ITEM_USER_IDENTITY_RQ, v.toByteArray());
        }
        byte[] response = ui.userIdentityServerResponse();
        if (response != null) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            lengthAndBytes(v, response);
            PduCodec.item(sub, PduCodec.SUB_ITEM_USER_IDENTITY_AC, v.toByteArray());
        }
    }

    private static void lengthAndBytes(ByteArrayOutputStream out, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("negotiation field longer than 65535 bytes");
        }
        PduCodec.putShort(out, value.length);
        out.writeBytes(value);
    }

    /** What the sub-items of one User Information item held. */
    static final class Decoded {
        final List<ExtendedNegotiation> extended = new ArrayList<>();
        final List<CommonExtendedNegotiation> common = new ArrayList<>();
        UserIdentity identity;
        byte[] serverResponse;

        void decode(int type, byte[] b, int off, int len) throws DicomProtocolException {
            Cursor c = new Cursor(b, off, off + len, subItemName(type));
            switch (type) {
                case PduCodec.SUB_ITEM_EXTENDED_NEGOTIATION -> {
                    String sop = c.uid();
                    extended.add(new ExtendedNegotiation(sop, c.rest()));
                }
                case PduCodec.SUB_ITEM_COMMON_EXTENDED_NEGOTIATION -> {
                    String sop = c.uid();
                    String service = c.uid();
                    Cursor related = new Cursor(b, c.p + 2, c.p + 2 + c.length(), c.what + " related SOP classes");
                    List<String> uids = new ArrayList<>();
                    while (related.p < related.end) {
                        uids.add(related.uid());
                    }
                    common.add(new CommonExtendedNegotiation(sop, service, uids));
                }
                case PduCodec.SUB_ITEM_USER_IDENTITY_RQ -> {
                    int idType = c.u8();
                    boolean rsp = c.u8() == 1;
                    byte[] primary = c.field();
                    byte[] secondary = c.field();
                    try {
                        identity = new UserIdentity(idType, rsp, primary, secondary);
                    } catch (IllegalArgumentException e) {
                        // the message names the type and lengths only, never the field bytes
                        throw PduCodec.invalid("user identity sub-item: " + e.getMessage());
                    }
                }
                default -> serverResponse = c.field();
            }
        }
    }

    private static String subItemName(int type) {
        return switch (type) {
            case PduCodec.SUB_ITEM_EXTENDED_NEGOTIATION -> "SOP class extended negotiation sub-item";
            case PduCodec.SUB_ITEM_COMMON_EXTENDED_NEGOTIATION -> "SOP class common extended negotiation sub-item";
            case PduCodec.SUB_ITEM_USER_IDENTITY_RQ -> "user identity sub-item";
            default -> "user identity server response sub-item";
        };
    }

    /** Reads length-prefixed fields inside one sub-item, never past its end. */
    private static final class Cursor {
        final byte[] b;
        final int end;
        final String what;
        int p;

        Cursor(byte[] b, int p, int end, String what) {
            this.b = b;
            this.p = p;
            this.end = end;
            this.what = what;
        }

        int u8() throws DicomProtocolException {
            need(1);
            return b[p++] & 0xFF;
        }

        /** The next two-byte length, checked against what remains (not consumed). */
        int length() throws DicomProtocolException {
            need(2);
            int len = PduCodec.getShort(b, p);
            if (len > end - p - 2) {
                throw PduCodec.invalid(what + ": a field declares length " + len + " but only " + (end - p - 2)
                        + " bytes remain");
            }
            return len;
        }

        byte[] field() throws DicomProtocolException {
            int len = length();
            byte[] v = Arrays.copyOfRange(b, p + 2, p + 2 + len);
            p += 2 + len;
            return v;
        }

        String uid() throws DicomProtocolException {
            int len = length();
            String uid = PduCodec.uid(b, p + 2, len);
            p += 2 + len;
            return uid;
        }

        byte[] rest() {
            byte[] v = Arrays.copyOfRange(b, p, end);
            p = end;
            return v;
        }

        private void need(int n) throws DicomProtocolException {
            if (end - p < n) {
                throw PduCodec.invalid(what + " ends early: " + (end - p) + " bytes left, " + n + " needed");
            }
        }
    }
}
