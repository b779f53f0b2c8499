package dev.bolide.client.rocketmq;

/**
 * An account of a broker's access control: RocketMQ's access key and secret key, with which every
 * request is signed as rocketmq-acl's {@code AclClientRPCHook} signs it.
 */
public record Credentials(String accessKey, String secretKey) {
    public Credentials {
        if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("an access key needs a secret key, and neither may be empty");
        }
    }

    /** Keeps the secret key out of logs. */
    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + "]";
    }
}
