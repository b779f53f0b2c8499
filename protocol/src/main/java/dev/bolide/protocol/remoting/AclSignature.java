package dev.bolide.protocol.remoting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature {@code AclClientRPCHook} (rocketmq-acl 4.9) puts in a request's {@code Signature}
 * field: HmacSHA1 with the secret key, Base64, over the values (not the names) of every other header
 * field in name order (so {@code AccessKey} and {@code SecurityToken} are covered), then the body.
 * The broker checks it; Bolide's client makes it.
 *
 * <p>RocketMQ's broker leaves {@code _UNIQUE_KEY_QUERY} out of what it checks, though its client
 * adds it to every QUERY_MESSAGE before the hook signs, so under ACL it refuses every query by key
 * (tck-tests shows it); Bolide checks what the hook signs.
 */
public final class AclSignature {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SIGNATURE = "Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private AclSignature() {
    }

    /** The signature of a request with these header fields (its {@code Signature} left out) and body. */
    public static String of(Map<String, String> fields, byte[] body, String secretKey) {
        Map<String, String> sorted = new TreeMap<>(fields);
        sorted.remove(SIGNATURE);
        StringBuilder values = new StringBuilder();
        sorted.values().forEach(values::append);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(values.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                mac.update(body);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA1: this is a broken runtime, and nothing is signed or admitted
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /**
     * {@code fields} with {@code AccessKey} and the {@code Signature} over them and {@code body}, as
     * the hook adds them.
     */
    public static Map<String, String> sign(Map<String, String> fields, byte[] body, String accessKey,
            String secretKey) {
        Map<String, String> signed = new HashMap<>(fields);
        signed.put(ACCESS_KEY, accessKey);
        signed.put(SIGNATURE, of(signed, body, secretKey));
        return signed;
    }

    /** Whether {@code request} carries the signature {@code secretKey} makes; compared in constant time. */
    public static boolean isSignedWith(RemotingCommand request, String secretKey) {
        String signature = request.field(SIGNATURE);
        return signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                of(request.extFields(), request.body(), secretKey).getBytes(StandardCharsets.UTF_8));
    }
}
