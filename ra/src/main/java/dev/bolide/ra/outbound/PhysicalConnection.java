package dev.bolide.ra.outbound;

/**
 * What defines a physical Bolide connection, so what a pooled managed connection must have to serve
 * a request: the name servers it reaches the brokers through, and the user and password it signs
 * its requests with. The password is part of the match: a request with a wrong password must never
 * be served by a connection that signs with the right one.
 *
 * @param userName null: requests are not signed
 */
record PhysicalConnection(String nameServers, String userName, String password) {

    /** Keeps the password out of server logs. */
    @Override
    public String toString() {
        return "PhysicalConnection[nameServers=" + nameServers + ", userName=" + userName + "]";
    }
}
