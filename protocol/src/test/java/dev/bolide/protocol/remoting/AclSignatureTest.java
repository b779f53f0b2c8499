package dev.bolide.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signatures compared with those the real {@code AclClientRPCHook} of rocketmq-acl 4.9.8 put on the
 * same requests (a SEND_MESSAGE_V2 with a security token and a body, and a HEART_BEAT without
 * header or body, signed with secret key 12345678); tck-tests checks the same over the wire.
 */
class AclSignatureTest {
    private static final String SECRET = "12345678";

    @Test
    void aSignedSendCarriesTheHooksSignature() {
        Map<String, String> fields = new HashMap<>(Map.of("a", "PG", "b", "TopicTest", "c", "TBW102", "d", "4",
                "e", "1", "f", "0", "g", "1700000000000", "h", "0", "i", "TAGS\u0001TagA\u0002", "j", "0"));
        fields.putAll(Map.of("k", "false", "m", "false", "AccessKey", "RocketMQ", "SecurityToken", "token-1",
                "Signature", "AE9AiPnWefvE/4BmWtpv2K6apWg="));
        RemotingCommand send = RemotingCommand.request(310, 1, fields, "héllo".getBytes(StandardCharsets.UTF_8));

        assertThat(AclSignature.of(send.extFields(), send.body(), SECRET)).isEqualTo("AE9AiPnWefvE/4BmWtpv2K6apWg=");
        assertThat(AclSignature.isSignedWith(send, SECRET)).isTrue();
    }

    @Test
    void aRequestWithoutHeaderOrBodyIsSignedOverItsAccessKeyAlone() {
        RemotingCommand heartbeat = RemotingCommand.request(34, 2,
                Map.of("AccessKey", "rocketmq2", "Signature", "Ou1T58RIcyZWaTIwzkhJZWn/Zvs="), null);

        assertThat(AclSignature.isSignedWith(heartbeat, SECRET)).isTrue();
    }

    @Test
    void anotherSecretOrAChangedFieldOrBodyBreaksTheSignature() {
        Map<String, String> fields = Map.of("AccessKey", "rocketmq2", "Signature", "Ou1T58RIcyZWaTIwzkhJZWn/Zvs=");

        assertThat(AclSignature.isSignedWith(RemotingCommand.request(34, 2, fields, null), "87654321")).isFalse();
        assertThat(AclSignature.isSignedWith(RemotingCommand.request(34, 2, fields, new byte[] {1}), SECRET))
                .isFalse();
        Map<String, String> more = new HashMap<>(fields);
        more.put("topic", "Other");
        assertThat(AclSignature.isSignedWith(RemotingCommand.request(34, 2, more, null), SECRET)).isFalse();
        assertThat(AclSignature.isSignedWith(RemotingCommand.request(34, 2, Map.of("AccessKey", "rocketmq2"),
                null), SECRET)).isFalse();
    }

    @Test
    void signingAddsTheAccessKeyAndTheHooksSignature() {
        Map<String, String> signed = AclSignature.sign(Map.of(), null, "rocketmq2", SECRET);

        assertThat(signed).containsExactlyInAnyOrderEntriesOf(
                Map.of("AccessKey", "rocketmq2", "Signature", "Ou1T58RIcyZWaTIwzkhJZWn/Zvs="));
    }
}
