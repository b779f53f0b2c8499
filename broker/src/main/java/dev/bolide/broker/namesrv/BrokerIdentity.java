package dev.bolide.broker.namesrv;

/**
 * Who registers with a name server: the header fields of REGISTER_BROKER and UNREGISTER_BROKER.
 *
 * @param address       {@code ip:port} clients reach the broker on
 * @param haServerAddr  {@code ip:haPort} its slaves replicate from; may be null
 */
public record BrokerIdentity(String cluster, String brokerName, long brokerId, String address, String haServerAddr) {
    public boolean isMaster() {
        return brokerId == RouteTable.MASTER_ID;
    }
}
