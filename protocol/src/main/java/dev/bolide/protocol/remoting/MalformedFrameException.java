package dev.bolide.protocol.remoting;

/** Bytes that are not a valid remoting frame; the connection that sent them cannot be trusted further. */
public class MalformedFrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
