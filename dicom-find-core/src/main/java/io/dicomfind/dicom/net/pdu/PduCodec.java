package io.dicomfind.dicom.net.pdu;

import io.dicomfind.dicom.net.DicomProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes PDUs (PS3.8 9.3). All multi-byte fields are big endian (PS3.8 9.3.1). Decoders validate every
 * length against the bytes actually present and throw {@link DicomProtocolException} with the A-ABORT reason to
 * send; unknown items and sub-items are skipped (PS3.8 9.3.1: "shall be ignored").
 */
public final class PduCodec {
    static final int ITEM_APPLICATION_CONTEXT = 0x10;
    static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    static final int ITEM_TRANSFER_SYNTAX = 0x40;
    static final int ITEM_USER_INFORMATION = 0x50;
    static final int SUB_ITEM_MAX_LENGTH = 0x51;
    static final int SUB_ITEM_IMPLEMENTATION_CLASS_UID = 0x52;
    static final int SUB_ITEM_IMPLEMENTATION_VERSION_NAME = 0x55;
    static final int SUB_ITEM_EXTENDED_NEGOTIATION = 0x56;
    static final int SUB_ITEM_COMMON_EXTENDED_NEGOTIATION = 0x57;
    static final int SUB_ITEM_USER_IDENTITY_RQ = 0x58;
    static final int SUB_ITEM_USER_IDENTITY_AC = 0x59;

    private PduCodec() {
    }

    // ---------------------------------------------------------------- encoding

    /** The whole PDU including its 6-byte header. */
    public static byte[] encode(Pdu pdu) {
        if (pdu instanceof AAssociateRq rq) {
            return associate(Pdu.A_ASSOCIATE_RQ, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContext(),
                    contextsRq(rq.presentationContexts()), rq.userInformation());
        } else if (pdu instanceof AAssociateAc ac) {
            return associate(Pdu.A_ASSOCIATE_AC, ac.calledAeTitle(), ac.callingAeTitle(), ac.applicationContext(),
                    contextsAc(ac.presentationContexts()), ac.userInformation());
        } else if (pdu instanceof AAssociateRj rj) {
            return fixed(Pdu.A_ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reason());
        } else if (pdu instanceof AAbort a) {
            return fixed(Pdu.A_ABORT, 0, 0, a.source(), a.reason());
        } else if (pdu instanceof PDataTf p) {
            return pData(p.pdvs());
        }
        return fixed(pdu.type(), 0, 0, 0, 0); // A-RELEASE-RQ/RP: four reserved bytes
    }

    private static byte[] fixed(int type, int b0, int b1, int b2, int b3) {
        return new byte[] {(byte) type, 0, 0, 0, 0, 4, (byte) b0, (byte) b1, (byte) b2, (byte) b3};
    }

    private static byte[] pData(List<Pdv> pdvs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Pdv pdv : pdvs) {
            putInt(body, pdv.length() + 2);
            body.write(pdv.contextId());
            body.write(pdv.controlHeader());
            body.write(pdv.buffer(), pdv.offset(), pdv.length());
        }
        return withHeader(Pdu.P_DATA_TF, body.toByteArray());
    }

    private static byte[] associate(int type, String called, String calling, String appContext,
            byte[] contextItems, UserInformation ui) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        putShort(body, 0x0001); // protocol version: bit 0 (PS3.8 9.3.2)
        putShort(body, 0);
        body.writeBytes(aeField(called));
        body.writeBytes(aeField(calling));
        body.writeBytes(new byte[32]);
        if (appContext != null) {
            item(body, ITEM_APPLICATION_CONTEXT, ascii(appContext));
        }
        body.writeBytes(contextItems);
        if (ui != null) {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            ByteArrayOutputStream max = new ByteArrayOutputStream();
            putInt(max, (int) ui.maxLength());
            item(sub, SUB_ITEM_MAX_LENGTH, max.toByteArray());
            if (ui.implementationClassUid() != null) {
                item(sub, SUB_ITEM_IMPLEMENTATION_CLASS_UID, ascii(ui.implementationClassUid()));
            }
            if (ui.implementationVersionName() != null) {
                item(sub, SUB_ITEM_IMPLEMENTATION_VERSION_NAME, ascii(ui.implementationVersionName()));
            }
            NegotiationSubItems.encode(sub, ui);
            item(body, ITEM_USER_INFORMATION, sub.toByteArray());
        }
        return withHeader(type, body.toByteArray());
    }

    private static byte[] contextsRq(List<PresentationContextRq> pcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PresentationContextRq pc : pcs) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            v.write(pc.id());
            v.writeBytes(new byte[3]);
            item(v, ITEM_ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) {
                item(v, ITEM_TRANSFER_SYNTAX, ascii(ts));
            }
            item(out, ITEM_PRESENTATION_CONTEXT_RQ, v.toByteArray());
        }
        return out.toByteArray();
    }

    private static byte[] contextsAc(List<PresentationContextAc> pcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PresentationContextAc pc : pcs) {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            v.write(pc.id());
            v.write(0);
            v.write(pc.result());
            v.write(0);
            if (pc.transferSyntax() != null) {
                item(v, ITEM_TRANSFER_SYNTAX, ascii(pc.transferSyntax()));
            }
            item(out, ITEM_PRESENTATION_CONTEXT_AC, v.toByteArray());
        }
        return out.toByteArray();
    }

    /** 16 bytes, space padded (PS3.8 9.3.2); the title is validated by the caller. */
    private static byte[] aeField(String ae) {
        byte[] f = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] a = ascii(ae == null ? "" : ae);
        System.arraycopy(a, 0, f, 0, Math.min(16, a.length));
        return f;
    }

    static void item(ByteArrayOutputStream out, int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("item 0x" + Integer.toHexString(type) + " longer than 65535 bytes");
        }
        out.write(type);
        out.write(0);
        putShort(out, value.length);
        out.writeBytes(value);
    }

    private static byte[] withHeader(int type, byte[] body) {
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = (byte) type;
        putInt(pdu, 2, body.length);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void putShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void putInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes a PDU body ({@code length} bytes after the 6-byte header) of the given type. */
    public static Pdu decode(int type, byte[] b, int off, int length) throws DicomProtocolException {
        return switch (type) {
            case Pdu.A_ASSOCIATE_RQ -> decodeRq(b, off, length);
            case Pdu.A_ASSOCIATE_AC -> decodeAc(b, off, length);
            case Pdu.A_ASSOCIATE_RJ -> {
                fixedLength(type, length);
                yield new AAssociateRj(b[off + 1] & 0xFF, b[off + 2] & 0xFF, b[off + 3] & 0xFF);
            }
            case Pdu.P_DATA_TF -> decodePData(b, off, length);
            case Pdu.A_RELEASE_RQ -> {
                fixedLength(type, length);
                yield new AReleaseRq();
            }
            case Pdu.A_RELEASE_RP -> {
                fixedLength(type, length);
                yield new AReleaseRp();
            }
            case Pdu.A_ABORT -> {
                fixedLength(type, length);
                yield new AAbort(b[off + 2] & 0xFF, b[off + 3] & 0xFF);
            }
            default -> throw new DicomProtocolException(Pdu.typeName(type),
                    DicomProtocolException.REASON_UNRECOGNIZED_PDU);
        };
    }

    private static void fixedLength(int type, int length) throws DicomProtocolException {
        if (length != 4) {
            throw new DicomProtocolException(Pdu.typeName(type) + " with PDU length " + length + " (must be 4)",
                    DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    /** PS3.8 9.3.5: PDV items fill the PDU exactly; each has a context ID, a header and a fragment. */
    static PDataTf decodePData(byte[] b, int off, int length) throws DicomProtocolException {
        List<Pdv> pdvs = new ArrayList<>(2);
        int p = off;
        int end = off + length;
        while (p < end) {
            if (end - p < 6) {
                throw invalid("P-DATA-TF: " + (end - p) + " trailing bytes after PDV item " + pdvs.size()
                        + " cannot hold a PDV item header");
            }
            long itemLength = getInt(b, p) & 0xFFFFFFFFL;
            if (itemLength < 2 || itemLength > end - p - 4) {
                throw invalid("P-DATA-TF: PDV item " + (pdvs.size() + 1) + " declares length " + itemLength
                        + " but " + (end - p - 4) + " bytes remain in the PDU");
            }
            int ctx = b[p + 4] & 0xFF;
            int header = b[p + 5] & 0xFF;
            if ((header & 0xFC) != 0) {
                // PS3.8 E.2: bits 2-7 are always 0; tolerate, the receiver ignores them
                header &= 0x03;
            }
            pdvs.add(new Pdv(ctx, header, b, p + 6, (int) itemLength - 2));
            p += 4 + (int) itemLength;
        }
        if (pdvs.isEmpty()) {
            throw invalid("P-DATA-TF without any PDV item");
        }
        return new PDataTf(pdvs);
    }

    static AAssociateRq decodeRq(byte[] b, int off, int length) throws DicomProtocolException {
        Fields f = decodeAssociate(Pdu.A_ASSOCIATE_RQ, b, off, length);
        return new AAssociateRq(f.called, f.calling, f.appContext, f.rqContexts, f.userInfo);
    }

    static AAssociateAc decodeAc(byte[] b, int off, int length) throws DicomProtocolException {
        Fields f = decodeAssociate(Pdu.A_ASSOCIATE_AC, b, off, length);
        return new AAssociateAc(f.protocolVersion, f.called, f.calling, f.appContext, f.acContexts, f.userInfo);
    }

    private static final class Fields {
        int protocolVersion;
        String called;
        String calling;
        String appContext;
        final List<PresentationContextRq> rqContexts = new ArrayList<>();
        final List<PresentationContextAc> acContexts = new ArrayList<>();
        UserInformation userInfo;
    }

    private static Fields decodeAssociate(int type, byte[] b, int off, int length) throws DicomProtocolException {
        String what = Pdu.typeName(type);
        if (length < 68) {
            throw invalid(what + " with PDU length " + length + " (the fixed fields alone take 68 bytes)");
        }
        Fields f = new Fields();
        f.protocolVersion = getShort(b, off);
        f.called = string(b, off + 4, 16).strip();
        f.calling = string(b, off + 20, 16).strip();
        int p = off + 68;
        int end = off + length;
        while (p < end) {
            int itemType = b[p] & 0xFF;
            int itemLength = itemLength(b, p, end, what);
            int v = p + 4;
            switch (itemType) {
                case ITEM_APPLICATION_CONTEXT -> f.appContext = uid(b, v, itemLength);
                case ITEM_PRESENTATION_CONTEXT_RQ -> {
                    if (type == Pdu.A_ASSOCIATE_RQ) {
                        f.rqContexts.add(contextRq(b, v, itemLength));
                    }
                }
                case ITEM_PRESENTATION_CONTEXT_AC -> {
                    if (type == Pdu.A_ASSOCIATE_AC) {
                        f.acContexts.add(contextAc(b, v, itemLength));
                    }
                }
                case ITEM_USER_INFORMATION ->
                        f.userInfo = userInformation(b, v, itemLength, type == Pdu.A_ASSOCIATE_RQ);
                default -> {
                    // unknown item: skipped (PS3.8 9.3.1)
                }
            }
            p = v + itemLength;
        }
        return f;
    }

    private static int itemLength(byte[] b, int p, int end, String where) throws DicomProtocolException {
        if (end - p < 4) {
            throw invalid(where + ": " + (end - p) + " trailing bytes cannot hold an item header");
        }
        int len = getShort(b, p + 2);
        if (len > end - p - 4) {
            throw invalid(String.format("%s: item type 0x%02X declares length %d but only %d bytes remain",
                    where, b[p] & 0xFF, len, end - p - 4));
        }
        return len;
    }

    private static PresentationContextRq contextRq(byte[] b, int off, int length) throws DicomProtocolException {
        if (length < 4) {
            throw invalid("presentation context item of length " + length);
        }
        int id = b[off] & 0xFF;
        String as = null;
        List<String> ts = new ArrayList<>();
        int p = off + 4;
        int end = off + length;
        while (p < end) {
            int t = b[p] & 0xFF;
            int len = itemLength(b, p, end, "presentation context " + id);
            if (t == ITEM_ABSTRACT_SYNTAX) {
                as = uid(b, p + 4, len);
            } else if (t == ITEM_TRANSFER_SYNTAX) {
                ts.add(uid(b, p + 4, len));
            }
            p += 4 + len;
        }
        if (as == null || ts.isEmpty() || (id & 1) == 0) {
            throw invalid("presentation context " + id + " without abstract syntax, transfer syntax or odd ID");
        }
        return new PresentationContextRq(id, as, ts);
    }

    private static PresentationContextAc contextAc(byte[] b, int off, int length) throws DicomProtocolException {
        if (length < 4) {
            throw invalid("presentation context item of length " + length);
        }
        int id = b[off] & 0xFF;
        int result = b[off + 2] & 0xFF;
        String ts = null;
        int p = off + 4;
        int end = off + length;
        while (p < end) {
            int t = b[p] & 0xFF;
            int len = itemLength(b, p, end, "presentation context " + id);
            if (t == ITEM_TRANSFER_SYNTAX) {
                ts = uid(b, p + 4, len);
            }
            p += 4 + len;
        }
        if (result == PresentationContextAc.ACCEPTANCE && (ts == null || ts.isEmpty())) {
            throw invalid("accepted presentation context " + id + " names no transfer syntax");
        }
        return new PresentationContextAc(id, result, ts);
    }

    private static UserInformation userInformation(byte[] b, int off, int length, boolean request)
            throws DicomProtocolException {
        long max = 0;
        String cls = null;
        String ver = null;
        NegotiationSubItems.Decoded negotiation = new NegotiationSubItems.Decoded();
        int p = off;
        int end = off + length;
        while (p < end) {
            int t = b[p] & 0xFF;
            int len = itemLength(b, p, end, "user information");
            switch (t) {
                case SUB_ITEM_MAX_LENGTH -> {
                    if (len != 4) {
                        throw invalid("maximum length sub-item of length " + len + " (must be 4)");
                    }
                    max = getInt(b, p + 4) & 0xFFFFFFFFL;
                }
                case SUB_ITEM_IMPLEMENTATION_CLASS_UID -> cls = uid(b, p + 4, len);
                case SUB_ITEM_IMPLEMENTATION_VERSION_NAME -> ver = string(b, p + 4, len).strip();
                case SUB_ITEM_EXTENDED_NEGOTIATION -> negotiation.decode(t, b, p + 4, len);
                case SUB_ITEM_COMMON_EXTENDED_NEGOTIATION, SUB_ITEM_USER_IDENTITY_RQ -> {
                    if (request) { // requestor-only sub-items (PS3.7 D.3.3.6, D.3.3.7.1): skipped in an AC
                        negotiation.decode(t, b, p + 4, len);
                    }
                }
                case SUB_ITEM_USER_IDENTITY_AC -> {
                    if (!request) { // acceptor-only (PS3.7 D.3.3.7.2)
                        negotiation.decode(t, b, p + 4, len);
                    }
                }
                default -> {
                    // asynchronous operations window, role selection ...: skipped
                }
            }
            p += 4 + len;
        }
        return new UserInformation(max, cls, ver, negotiation.extended, negotiation.common, negotiation.identity,
                negotiation.serverResponse);
    }

    /** UIDs in items are not padded (PS3.8 Annex F), but some peers add a NUL or space: strip them. */
    static String uid(byte[] b, int off, int len) {
        return string(b, off, len).replaceAll("[\\x00 ]+$", "").strip();
    }

    private static String string(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    static int getShort(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    static DicomProtocolException invalid(String msg) {
        return new DicomProtocolException(msg, DicomProtocolException.REASON_INVALID_PDU_PARAMETER_VALUE);
    }
}
