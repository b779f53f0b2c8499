package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decisions on RocketMQ's sample plain_acl.yml, refused with RocketMQ 4.9's words. */
class AccessValidatorTest {
    private static final String CLIENT = "127.0.0.1";
    private final AclRules rules;

    AccessValidatorTest() throws AclFileException {
        rules = PlainAclFile.parse(java.nio.file.Path.of("plain_acl.yml"), PlainAclFileTest.ROCKETMQ_SAMPLE
                + """
                  - accessKey: operator1
                    secretKey: operator-secret
                    admin: true
                """);
    }

    private static RemotingCommand signed(int code, Map<String, String> header, String accessKey, String secret) {
        return RemotingCommand.request(code, 1, AclSignature.sign(header, null, accessKey, secret), null);
    }

    private Optional<String> decide(String host, RemotingCommand request) {
        return AccessValidator.refusal(rules, host, request, RequestResources.of(request));
    }

    @Test
    void theRightAccountWithTheRightPermissionPasses() {
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "topicB"), "RocketMQ",
                "12345678"))).isEmpty();
        assertThat(decide(CLIENT, signed(RequestCode.PULL_MESSAGE, Map.of("topic", "topicC", "consumerGroup", "groupB"),
                "RocketMQ", "12345678"))).isEmpty();
    }

    @Test
    void noKeyUnknownKeyOrWrongSecretIsRefused() {
        assertThat(decide(CLIENT, RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, 1, Map.of("b", "topicB"), null)))
                .contains("No accessKey is configured");
        assertThat(decide(CLIENT, signed(RequestCode.GET_BROKER_RUNTIME_INFO, Map.of(), "nobody-here", "12345678")))
                .contains("No acl config for nobody-here");
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "topicB"), "RocketMQ",
                "87654321"))).contains("Check signature failed for accessKey=RocketMQ");
    }

    @Test
    void aMissingPermissionIsNamedWhetherNamedOrDefault() {
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "topicC"), "RocketMQ",
                "12345678"))).contains("No default permission for topic:topicC");
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "unlisted"), "RocketMQ",
                "12345678"))).contains("No default permission for topic:unlisted");
        assertThat(decide(CLIENT, signed(RequestCode.PULL_MESSAGE, Map.of("topic", "topicC", "consumerGroup", "groupA"),
                "RocketMQ", "12345678"))).contains("No default permission for group:groupA");
    }

    @Test
    void adminRequestsNeedAnAdminWhoseEmptyPermissionsCoverEverything() {
        assertThat(decide(CLIENT, signed(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "topicB"), "RocketMQ",
                "12345678"))).contains("Need admin permission for request code=215, but accessKey=RocketMQ is not");
        assertThat(decide(CLIENT, signed(9001, Map.of("offset", "0"), "RocketMQ", "12345678")))
                .contains("Need admin permission for request code=9001, but accessKey=RocketMQ is not");
        // the outcome of a transaction across brokers: brokers ask one another, signed as admins
        assertThat(decide(CLIENT, signed(9999, Map.of("branch", "1112493129:0a:01"), "RocketMQ", "12345678")))
                .contains("Need admin permission for request code=9999, but accessKey=RocketMQ is not");
        assertThat(decide(CLIENT, signed(RequestCode.DELETE_TOPIC_IN_BROKER, Map.of("topic", "topicB"), "operator1",
                "operator-secret"))).isEmpty();
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "anything"), "operator1",
                "operator-secret"))).isEmpty();
    }

    @Test
    void whiteAddressesPassUnsignedAsInRocketMq() {
        RemotingCommand unsigned = RemotingCommand.request(RequestCode.DELETE_TOPIC_IN_BROKER, 1,
                Map.of("topic", "topicB", "AccessKey", "rocketmq2"), null);

        assertThat(decide("10.10.103.9", RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, 1, Map.of(), null)))
                .isEmpty();
        assertThat(decide("192.168.1.9", unsigned)).isEmpty();
        assertThat(decide(CLIENT, unsigned)).contains("Check signature failed for accessKey=rocketmq2");
    }

    @Test
    void traceMessagesPassWhateverTheTopicPermissions() {
        assertThat(decide(CLIENT, signed(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "RMQ_SYS_TRACE_TOPIC"),
                "RocketMQ", "12345678"))).isEmpty();
    }
}
