package dev.bolide.protocol.remoting;

import java.nio.ByteBuffer;

/**
 * The frame: int32 length of what follows, int32 with the serialize type in its high byte and the
 * header length in the low 24 bits, the header, the body.
 */
public final class RemotingFrameCodec {
    /** Largest frame accepted, counting its length field, as in the reference decoder. */
    public static final int MAX_FRAME_LENGTH = 16 * 1024 * 1024;
    /** Bytes of the length field that starts every frame. */
    public static final int LENGTH_FIELD = 4;
    /** The length field, then the serialize type and header length. */
    private static final int HEAD_FIELDS = LENGTH_FIELD + 4;
    /** The capacity of a decoded header's custom field map: a send's 13 fields fit without a resize. */
    static final int FIELDS_CAPACITY = 32;

    private RemotingFrameCodec() {
    }

    /** The whole frame, length field included. */
    public static ByteBuffer encode(RemotingCommand command) {
        ByteBuffer head = encodeHead(command);
        return ByteBuffer.allocate(head.remaining() + command.body().length).put(head).put(command.body()).flip();
    }

    /**
     * The frame up to its body: the length field (which counts the body), the serialize type and
     * header length, the header. The body, {@link RemotingCommand#body()} as it is, follows: a
     * transport can send it from where it lies instead of copying it behind the header (a pull
     * response carries up to 32 records).
     */
    public static ByteBuffer encodeHead(RemotingCommand command) {
        // the header is written behind room for the two ints, so the head is one array, never copied
        ByteBuffer head = command.serializeType() == SerializeType.JSON ? JsonHeaderCodec.encode(command, HEAD_FIELDS)
                : RocketMqHeaderCodec.encode(command, HEAD_FIELDS);
        int headerLength = head.remaining() - HEAD_FIELDS;
        return head.putInt(0, 4 + headerLength + command.body().length)
                .putInt(LENGTH_FIELD, (command.serializeType().code() << 24) | headerLength);
    }

    /**
     * Decodes a frame whose length field was already read and checked (as a length-field frame
     * decoder delivers it): {@code frame} holds exactly the bytes the length announced.
     *
     * @throws MalformedFrameException when the bytes are not a frame
     */
    public static RemotingCommand decode(ByteBuffer frame) {
        if (frame.remaining() < 4) {
            throw new MalformedFrameException("frame of " + frame.remaining() + " bytes has no header length");
        }
        int typeAndLength = frame.getInt();
        SerializeType type = SerializeType.of((typeAndLength >>> 24) & 0xFF);
        int headerLength = typeAndLength & 0xFFFFFF;
        if (headerLength > frame.remaining()) {
            throw new MalformedFrameException("header length " + headerLength + " exceeds the frame's "
                    + frame.remaining() + " bytes");
        }
        byte[] header = new byte[headerLength];
        frame.get(header);
        byte[] body = new byte[frame.remaining()];
        frame.get(body);
        return type == SerializeType.JSON ? JsonHeaderCodec.decode(header, body)
                : RocketMqHeaderCodec.decode(header, body);
    }
}
