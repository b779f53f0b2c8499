package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature {@code AclClientRPCHook} (rocketmq-acl 4.9) puts in a request's {@code Signature}
 * field: HmacSHA1 with the secret key, Base64, over the values (not the names) of every other header
 * field in name order (so {@code AccessKey} and {@code SecurityToken} are covered), then the body.
 *
 * <p>RocketMQ's broker leaves {@code _UNIQUE_KEY_QUERY} out of what it checks, though its client
 * adds it to every QUERY_MESSAGE before the hook signs, so under ACL it refuses every query by key
 * (tck-tests shows it); Bolide checks what the hook signs.
 */
final class RequestSignature {
    static final String ACCESS_KEY = "AccessKey";
    static final String SIGNATURE = "Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private RequestSignature() {
    }

    static String of(RemotingCommand request, String secretKey) {
        Map<String, String> fields = new TreeMap<>(request.extFields());
        fields.remove(SIGNATURE);
        StringBuilder values = new StringBuilder();
        fields.values().forEach(values::append);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(values.toString().getBytes(StandardCharsets.UTF_8));
            if (request.body() != null) {
                mac.update(request.body());
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA1: this is a broken runtime, and the request is refused
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** Whether {@code request} carries the signature {@code secretKey} makes; compared in constant time. */
    static boolean isSignedWith(RemotingCommand request, String secretKey) {
        String signature = request.field(SIGNATURE);
        return signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                of(request, secretKey).getBytes(StandardCharsets.UTF_8));
    }
}
