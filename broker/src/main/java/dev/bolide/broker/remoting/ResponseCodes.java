package dev.bolide.broker.remoting;

/** The generic response codes every RocketMQ server uses ({@code RemotingSysResponseCode}). */
public final class ResponseCodes {
    public static final int SUCCESS = 0;
    public static final int SYSTEM_ERROR = 1;
    public static final int SYSTEM_BUSY = 2;
    public static final int REQUEST_CODE_NOT_SUPPORTED = 3;

    private ResponseCodes() {
    }
}
