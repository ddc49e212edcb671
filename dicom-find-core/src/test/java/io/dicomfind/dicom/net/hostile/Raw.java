package io.dicomfind.dicom.net.hostile;

import io.dicomfind.dicom.net.SopClasses;
import io.dicomfind.dicom.net.dimse.CommandSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Hand-built PDU parts (PS3.8 9.3), for the malformed variants the codec would never produce. */
final class Raw {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static byte[] deflateBomb;

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

    /** A P-DATA-TF whose body is exactly {@code body}. */
    static byte[] pdata(byte[] body) {
        return HostileScp.concat(HostileScp.pduHeader(4, body.length), body);
    }

    /** A PDV item: length, context, control header, fragment. */
    static byte[] pdvItem(long length, int ctx, int header, byte[] fragment) {
        return HostileScp.concat(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length, (byte) ctx, (byte) header}, fragment);
    }

    /** The command of a C-FIND-RSP Success without data set. */
    static byte[] successCommand(int messageId) {
        return CommandSet.encode(HostileScp.findRsp(messageId, 0, 0x0101));
    }

    /**
     * A deflated data set (even length) whose one sequence item inflates to 100 MiB of OB values. Built once and
     * kept (about 100 KiB): deflating takes longer than the 1 s DIMSE timeout on a busy machine.
     */
    static synchronized byte[] deflateBomb() {
        if (deflateBomb == null) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(9, true);
            try (DeflaterOutputStream d = new DeflaterOutputStream(z, deflater)) {
                d.write(new byte[] {0x40, 0, 0, 0x01, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0, -32, -1, -1, -1, -1});
                byte[] mib = new byte[1 << 20];
                for (int i = 0; i < 100; i++) {
                    d.write(new byte[] {0x09, 0, (byte) i, 0x10, 'O', 'B', 0, 0, 0, 0, 0x10, 0});
                    d.write(mib);
                }
                d.write(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0, -2, -1, -35, -32, 0, 0, 0, 0});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deflater.end();
            }
            deflateBomb = (z.size() & 1) != 0 ? Arrays.copyOf(z.toByteArray(), z.size() + 1) : z.toByteArray();
        }
        return deflateBomb;
    }
}
