package dev.bolide.ra.outbound;

/**
 * What defines a physical Bolide connection, so what a pooled managed connection must have to serve
 * a request: the name servers it reaches the brokers through and the user it connects as.
 */
record PhysicalConnection(String nameServers, String userName) {
}
