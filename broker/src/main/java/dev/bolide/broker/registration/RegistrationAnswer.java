package dev.bolide.broker.registration;

/**
 * What a name server answers a slave's REGISTER_BROKER with (RocketMQ's {@code RegisterBrokerResult}):
 * where the master of its broker name is. Both are null for a master, and for a slave whose master
 * the name server does not know (not registered yet, or expired).
 *
 * @param masterAddr   {@code ip:port} the master serves clients on, which the slave copies metadata from
 * @param haServerAddr {@code ip:port} the master streams its CommitLog on
 */
public record RegistrationAnswer(String masterAddr, String haServerAddr) {
    /** The answer that names no master. */
    public static final RegistrationAnswer NO_MASTER = new RegistrationAnswer(null, null);
}
