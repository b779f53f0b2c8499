package dev.bolide.protocol.message;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib bodies, as RocketMQ producers send bodies of {@link #THRESHOLD} bytes or more (sysFlag
 * COMPRESSED, no compression-type bits, which every 4.9 consumer reads as zlib).
 */
public final class BodyCompression {
    /** RocketMQ's {@code compressMsgBodyOverHowmuch}. */
    public static final int THRESHOLD = 4096;
    /** RocketMQ's {@code compressLevel}. */
    private static final int LEVEL = 5;

    private BodyCompression() {
    }

    public static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The inflated body; {@code stored} itself when it is not zlib after all (better than losing the message). */
    public static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return stored;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return stored;
        } finally {
            inflater.end();
        }
    }
}
