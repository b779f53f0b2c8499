package dev.bolide.broker.acl;

/**
 * A {@code whiteRemoteAddress} or {@code globalWhiteRemoteAddresses} entry of {@code plain_acl.yml},
 * read as RocketMQ 4.9 reads it (see {@link RemoteAddressPatterns}).
 */
@FunctionalInterface
interface RemoteAddressPattern {
    /** Matches no address: an account without {@code whiteRemoteAddress} must sign its requests. */
    RemoteAddressPattern NONE = host -> false;
    /** {@code *}: every address. */
    RemoteAddressPattern ANY = host -> true;

    /** @param host the client's IP address, without port */
    boolean matches(String host);
}
