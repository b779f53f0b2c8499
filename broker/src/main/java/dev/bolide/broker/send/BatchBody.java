package dev.bolide.broker.send;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of SEND_BATCH_MESSAGE: items of {@code int32 totalSize, int32 magic, int32 bodyCRC,
 * int32 flag, int32 bodyLength, body, int16 propertiesLength, properties}. Every length is checked
 * against the bytes present before anything is copied.
 */
final class BatchBody {
    /** One message of a batch. */
    record Item(int flag, byte[] body, String properties) {
    }

    private BatchBody() {
    }

    /** @throws IllegalArgumentException when the body is not a well-formed batch */
    static List<Item> decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Item> items = new ArrayList<>();
        try {
            while (in.hasRemaining()) {
                int start = in.position();
                int totalSize = in.getInt();
                in.getInt();
                in.getInt();
                int flag = in.getInt();
                byte[] messageBody = bytes(in, in.getInt());
                String properties = new String(bytes(in, in.getShort() & 0xFFFF), StandardCharsets.UTF_8);
                if (in.position() - start != totalSize) {
                    throw new IllegalArgumentException("batch item at " + start + " declares " + totalSize
                            + " bytes but holds " + (in.position() - start));
                }
                items.add(new Item(flag, messageBody, properties));
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("batch body ends inside an item", e);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        return items;
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("batch item length " + length + " exceeds the " + in.remaining()
                    + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
