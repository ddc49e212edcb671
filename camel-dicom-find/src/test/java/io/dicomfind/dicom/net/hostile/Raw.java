package io.dicomfind.dicom.net.hostile;

import io.dicomfind.dicom.net.SopClasses;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built PDU parts (PS3.8 9.3), for the malformed variants the codec would never produce. */
final class Raw {
    private Raw() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** An item or sub-item: type, reserved, 16-bit big-endian length, value. */
    static byte[] item(int type, byte[] value) {
        return item(type, value.length, value);
    }

    /** An item whose length field says {@code declared}, whatever the value's real length. */
    static byte[] item(int type, int declared, byte[] value) {
        return HostileScp.concat(new byte[] {(byte) type, 0, (byte) (declared >>> 8), (byte) declared}, value);
    }

    static byte[] appContext(String uid) {
        return item(0x10, ascii(uid));
    }

    static byte[] appContext() {
        return appContext(SopClasses.APPLICATION_CONTEXT);
    }

    /** Presentation context item of an A-ASSOCIATE-AC (0x21); {@code ts} null for none. */
    static byte[] pcAc(int id, int result, String ts) {
        byte[] head = {(byte) id, 0, (byte) result, 0};
        return item(0x21, ts == null ? head : HostileScp.concat(head, item(0x40, ascii(ts))));
    }

    static byte[] maxLength(long n) {
        return item(0x51, new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    static byte[] userInfo(byte[]... subItems) {
        return item(0x50, HostileScp.concat(subItems));
    }

    static byte[] userInfo() {
        return userInfo(maxLength(16384), item(0x52, ascii("1.2.826.0.1.3680043.10.1")));
    }

    /** A whole A-ASSOCIATE-AC: header, protocol version 1, AE fields, reserved, then the given items. */
    static byte[] ac(byte[]... items) {
        byte[] fixed = new byte[68];
        fixed[1] = 1;
        System.arraycopy(ascii("HOSTILE         "), 0, fixed, 4, 16);
        System.arraycopy(ascii("FINDSCU         "), 0, fixed, 20, 16);
        byte[] body = HostileScp.concat(fixed, HostileScp.concat(items));
        return HostileScp.concat(HostileScp.pduHeader(2, body.length), body);
    }

    /** The AC a good SCP sends for one proposed context (ID 1, explicit VR little endian). */
    static byte[] goodAc() {
        return ac(appContext(), pcAc(1, 0, "1.2.840.10008.1.2.1"), userInfo());
    }

    static byte[] bytes(int... v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int x : v) {
            o.write(x);
        }
        return o.toByteArray();
    }
}
