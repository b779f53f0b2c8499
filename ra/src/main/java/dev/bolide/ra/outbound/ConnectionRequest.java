package dev.bolide.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What an application passed to {@code createConnection(userName, password)}; both null for
 * {@code createConnection()}. Equal when both fields are (the pool compares them).
 */
record ConnectionRequest(String userName, String password) implements ConnectionRequestInfo {
    static final ConnectionRequest DEFAULT = new ConnectionRequest(null, null);

    /** Keeps the password out of server logs. */
    @Override
    public String toString() {
        return "ConnectionRequest[userName=" + userName + "]";
    }
}
