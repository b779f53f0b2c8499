package dev.bolide.protocol.remoting;

/** How a frame's header is encoded; the high byte of the frame's second int. */
public enum SerializeType {
    JSON,
    ROCKETMQ;

    public byte code() {
        return (byte) ordinal();
    }

    public static SerializeType of(int code) {
        if (code < 0 || code >= values().length) {
            throw new MalformedFrameException("unknown serialize type " + code);
        }
        return values()[code];
    }
}
