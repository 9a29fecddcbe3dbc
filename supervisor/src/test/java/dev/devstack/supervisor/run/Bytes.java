package dev.devstack.supervisor.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Bytes for the log tests, which compare files byte for byte. */
final class Bytes {

    private Bytes() {
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Single bytes, invalid UTF-8 included: {@code of(0xC3, 0x28)}. */
    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }
}
