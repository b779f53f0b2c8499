package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resources each request touches, as RocketMQ 4.9's PlainAccessValidator.parse derives them. */
class RequestResourcesTest {
    private static Map<String, Byte> of(int code, Map<String, String> fields) {
        return RequestResources.of(RemotingCommand.request(code, 1, fields, null));
    }

    @Test
    void aSendNeedsPubOnItsTopicAndARetrySendSubOnTheSendingGroup() {
        assertThat(of(RequestCode.SEND_MESSAGE_V2, Map.of("a", "PG", "b", "T"))).containsExactly(entry("T", Permission.PUB));
        assertThat(of(RequestCode.SEND_MESSAGE_V2, Map.of("a", "G", "b", "%RETRY%G")))
                .containsExactly(entry("%RETRY%G", Permission.SUB));
        assertThat(of(RequestCode.SEND_MESSAGE, Map.of("producerGroup", "PG", "topic", "T")))
                .containsExactly(entry("T", Permission.PUB));
    }

    @Test
    void aBatchIsCheckedLikeASingleSendUnlikeInRocketMq() {
        assertThat(of(RequestCode.SEND_BATCH_MESSAGE, Map.of("a", "PG", "b", "T"))).containsExactly(entry("T", Permission.PUB));
    }

    @Test
    void aPullNeedsSubOnTopicAndGroup() {
        assertThat(of(RequestCode.PULL_MESSAGE, Map.of("consumerGroup", "G", "topic", "T")))
                .containsExactly(entry("T", Permission.SUB), entry("%RETRY%G", Permission.SUB));
    }

    @Test
    void groupRequestsNeedSubOnTheGroup() {
        assertThat(of(RequestCode.CONSUMER_SEND_MSG_BACK, Map.of("group", "G"))).containsOnlyKeys("%RETRY%G");
        assertThat(of(RequestCode.UNREGISTER_CLIENT, Map.of("consumerGroup", "G"))).containsOnlyKeys("%RETRY%G");
        assertThat(of(RequestCode.GET_CONSUMER_LIST_BY_GROUP, Map.of("consumerGroup", "G"))).containsOnlyKeys("%RETRY%G");
        assertThat(of(RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("consumerGroup", "G", "topic", "T")))
                .containsOnlyKeys("%RETRY%G", "T");
        assertThat(of(RequestCode.QUERY_MESSAGE, Map.of("topic", "T"))).containsExactly(entry("T", Permission.SUB));
    }

    @Test
    void aHeartbeatNeedsSubOnEachConsumerGroupAndItsSubscriptions() {
        String body = """
                {"clientID":"c1","consumerDataSet":[{"groupName":"G","subscriptionDataSet":[
                {"topic":"T","subString":"*"},{"topic":"%RETRY%G","subString":"*"}]}],
                "producerDataSet":[{"groupName":"PG"}]}""";
        RemotingCommand heartbeat = RemotingCommand.request(RequestCode.HEART_BEAT, 1, Map.of("AccessKey", "k"),
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(RequestResources.of(heartbeat)).containsOnlyKeys("%RETRY%G", "T")
                .allSatisfy((resource, permission) -> assertThat(permission).isEqualTo(Permission.SUB));
    }

    @Test
    void otherRequestsTouchNoResource() {
        assertThat(of(RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", "T"))).isEmpty();
    }
}
