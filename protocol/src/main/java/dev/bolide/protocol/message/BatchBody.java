package dev.bolide.protocol.message;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of SEND_BATCH_MESSAGE: items of {@code int32 totalSize, int32 magic, int32 bodyCRC,
 * int32 flag, int32 bodyLength, body, int16 propertiesLength, properties}, as RocketMQ's
 * {@code MessageDecoder.encodeMessages} writes them (magic and CRC are not checked, as RocketMQ's
 * broker does not). Every length is checked against the bytes present before anything is copied.
 */
public final class BatchBody {
    /** Bytes of an item besides its body and properties. */
    private static final int ITEM_OVERHEAD = 4 * 5 + 2;

    /** One message of a batch; {@code properties} in RocketMQ's property string form. */
    public record Item(int flag, byte[] body, String properties) {
    }

    private BatchBody() {
    }

    /** @throws IllegalArgumentException when an item's properties do not fit their 16-bit length */
    public static byte[] encode(List<Item> items) {
        List<byte[]> properties = new ArrayList<>(items.size());
        int size = 0;
        for (Item item : items) {
            byte[] encoded = item.properties().getBytes(StandardCharsets.UTF_8);
            if (encoded.length > 0xFFFF) {
                throw new IllegalArgumentException("the properties of a batch item take " + encoded.length
                        + " bytes, more than 65535");
            }
            properties.add(encoded);
            size += ITEM_OVERHEAD + item.body().length + encoded.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byte[] encoded = properties.get(i);
            out.putInt(ITEM_OVERHEAD + item.body().length + encoded.length).putInt(0).putInt(0).putInt(item.flag())
                    .putInt(item.body().length).put(item.body()).putShort((short) encoded.length).put(encoded);
        }
        return out.array();
    }

    /** @throws IllegalArgumentException when the body is not a well-formed batch */
    public static List<Item> decode(byte[] body) {
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
