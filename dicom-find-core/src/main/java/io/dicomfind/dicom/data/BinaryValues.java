package io.dicomfind.dicom.data;

import java.util.StringJoiner;

/** Text form of binary values (little endian), as dcmdump and DICOM JSON show them, and back. */
public final class BinaryValues {
    private BinaryValues() {
    }

    /** Backslash-separated values: decimal numbers, {@code (gggg,eeee)} for AT, hex bytes for OB/UN. */
    public static String format(byte[] b, VR vr) {
        StringJoiner j = new StringJoiner("\\");
        switch (vr) {
            case US, OW -> { for (int i = 0; i + 2 <= b.length; i += 2) j.add(Integer.toString(ByteOrder.getShortLE(b, i))); }
            case SS -> { for (int i = 0; i + 2 <= b.length; i += 2) j.add(Integer.toString((short) ByteOrder.getShortLE(b, i))); }
            case UL, OL -> { for (int i = 0; i + 4 <= b.length; i += 4) j.add(Long.toString(ByteOrder.getIntLE(b, i) & 0xFFFFFFFFL)); }
            case SL -> { for (int i = 0; i + 4 <= b.length; i += 4) j.add(Integer.toString(ByteOrder.getIntLE(b, i))); }
            case FL, OF -> { for (int i = 0; i + 4 <= b.length; i += 4) j.add(formatFloat(Float.intBitsToFloat(ByteOrder.getIntLE(b, i)))); }
            case FD, OD -> { for (int i = 0; i + 8 <= b.length; i += 8) j.add(formatDouble(Double.longBitsToDouble(ByteOrder.getLongLE(b, i)))); }
            case SV -> { for (int i = 0; i + 8 <= b.length; i += 8) j.add(Long.toString(ByteOrder.getLongLE(b, i))); }
            case UV, OV -> { for (int i = 0; i + 8 <= b.length; i += 8) j.add(Long.toUnsignedString(ByteOrder.getLongLE(b, i))); }
            case AT -> {
                for (int i = 0; i + 4 <= b.length; i += 4) {
                    j.add(Tag.toString(ByteOrder.getShortLE(b, i) << 16 | ByteOrder.getShortLE(b, i + 2)));
                }
            }
            default -> { for (byte x : b) j.add(String.format("%02x", x & 0xFF)); }
        }
        return j.toString();
    }

    private static String formatFloat(float f) {
        return f == Math.rint(f) && !Float.isInfinite(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Float.toString(f);
    }

    private static String formatDouble(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Parses the text form of {@link #format}; throws {@link IllegalArgumentException} naming the bad value. */
    public static byte[] parse(String s, VR vr) {
        String[] parts = s.isEmpty() ? new String[0] : s.split("\\\\", -1);
        try {
            switch (vr) {
                case US, SS, OW -> {
                    byte[] b = new byte[parts.length * 2];
                    for (int i = 0; i < parts.length; i++) ByteOrder.putShortLE(b, 2 * i, Integer.parseInt(parts[i].trim()));
                    return b;
                }
                case UL, SL, OL -> {
                    byte[] b = new byte[parts.length * 4];
                    for (int i = 0; i < parts.length; i++) ByteOrder.putIntLE(b, 4 * i, (int) Long.parseLong(parts[i].trim()));
                    return b;
                }
                case FL, OF -> {
                    byte[] b = new byte[parts.length * 4];
                    for (int i = 0; i < parts.length; i++) ByteOrder.putIntLE(b, 4 * i, Float.floatToIntBits(Float.parseFloat(parts[i].trim())));
                    return b;
                }
                case FD, OD, SV, UV, OV -> {
                    byte[] b = new byte[parts.length * 8];
                    for (int i = 0; i < parts.length; i++) {
                        String p = parts[i].trim();
                        long v = vr == VR.FD || vr == VR.OD ? Double.doubleToLongBits(Double.parseDouble(p))
                                : vr == VR.SV ? Long.parseLong(p) : Long.parseUnsignedLong(p);
                        ByteOrder.putIntLE(b, 8 * i, (int) v);
                        ByteOrder.putIntLE(b, 8 * i + 4, (int) (v >>> 32));
                    }
                    return b;
                }
                case AT -> {
                    byte[] b = new byte[parts.length * 4];
                    for (int i = 0; i < parts.length; i++) {
                        long t = Tag.parse(parts[i]);
                        if (t < 0) {
                            throw new IllegalArgumentException("'" + parts[i] + "' is not a tag (gggg,eeee)");
                        }
                        ByteOrder.putShortLE(b, 4 * i, (int) (t >>> 16));
                        ByteOrder.putShortLE(b, 4 * i + 2, (int) t);
                    }
                    return b;
                }
                default -> {
                    String hex = s.replace("\\", "");
                    if (hex.length() % 2 != 0) {
                        throw new IllegalArgumentException("odd number of hex digits");
                    }
                    byte[] b = new byte[hex.length() / 2];
                    for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid " + vr + " value", e);
        }
    }
}
