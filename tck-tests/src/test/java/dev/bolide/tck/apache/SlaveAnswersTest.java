package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.CreateTopicRequestHeader;
import org.apache.rocketmq.common.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.apache.rocketmq.common.protocol.header.EndTransactionRequestHeader;
import org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.sysflag.MessageSysFlag;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Bolide slave answers what would write as an Apache RocketMQ 4.9.7 slave does (the judge): the
 * same request, sent to both slaves (each of broker name without a master), gets the same code and
 * remark; disk use figures in a remark are the machine's, so they are compared as figures only.
 */
class SlaveAnswersTest {
    @RegisterExtension
    @Order(1)
    static final ApacheRocketMqBroker APACHE_SLAVE = new ApacheRocketMqBroker("brokerId = 1", "brokerRole = SLAVE");
    @RegisterExtension
    @Order(2)
    static final BolideBrokerFixture BOLIDE_SLAVE = new BolideBrokerFixture(() -> new String[] {"brokerId = 1",
        "brokerRole = SLAVE"});

    /** The answers of Apache RocketMQ's slave and Bolide's, as "code remark" with figures masked. */
    private static String[] answers(int code, CommandCustomHeader header, byte[] body) throws Exception {
        return new String[] {answer(APACHE_SLAVE.brokerAddress(), code, header, body),
            answer(BOLIDE_SLAVE.address(), code, header, body)};
    }

    private static String answer(String address, int code, CommandCustomHeader header, byte[] body)
            throws Exception {
        RemotingCommand response = BOLIDE_SLAVE.call(address, code, header, body);
        String remark = response.getRemark() == null ? null : response.getRemark().replaceAll(" *-?\\d+\\.\\d+", " N");
        return response.getCode() + " " + remark;
    }

    @Test
    void aSendIsRefusedAsServiceNotAvailable() throws Exception {
        SendMessageRequestHeader header = SendHeaders.toQueueZero("PG", "TBW102");

        String[] answers = answers(RequestCode.SEND_MESSAGE, header, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(answers[0]).startsWith(ResponseCode.SERVICE_NOT_AVAILABLE + " ");
        assertThat(answers[1]).isEqualTo(answers[0]);
    }

    @Test
    void aTransactionEndIsRefusedAsSlaveNotAvailable() throws Exception {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setProducerGroup("PG");
        header.setTranStateTableOffset(0L);
        header.setCommitLogOffset(0L);
        header.setCommitOrRollback(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        header.setFromTransactionCheck(false);
        header.setMsgId("7F00000100002A9F0000000000000000");

        String[] answers = answers(RequestCode.END_TRANSACTION, header, null);

        assertThat(answers[0]).startsWith(ResponseCode.SLAVE_NOT_AVAILABLE + " ");
        assertThat(answers[1]).isEqualTo(answers[0]);
    }

    @Test
    void topicAndGroupChangesAreRefusedWithTheSameRemark() throws Exception {
        CreateTopicRequestHeader topic = new CreateTopicRequestHeader();
        topic.setTopic("Orders");
        topic.setDefaultTopic("TBW102");
        topic.setReadQueueNums(4);
        topic.setWriteQueueNums(4);
        topic.setPerm(6);
        topic.setTopicFilterType("SINGLE_TAG");
        DeleteSubscriptionGroupRequestHeader group = new DeleteSubscriptionGroupRequestHeader();
        group.setGroupName("CG");

        String[] topicAnswers = answers(RequestCode.UPDATE_AND_CREATE_TOPIC, topic, null);
        String[] groupAnswers = answers(RequestCode.DELETE_SUBSCRIPTIONGROUP, group, null);

        assertThat(topicAnswers[0]).startsWith(ResponseCode.SYSTEM_ERROR + " Can't modify topic");
        assertThat(topicAnswers[1]).isEqualTo(topicAnswers[0]);
        assertThat(groupAnswers[1]).isEqualTo(groupAnswers[0]);
    }

    @Test
    void anOffsetCommitIsTaken() throws Exception {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup("CG");
        header.setTopic("TBW102");
        header.setQueueId(0);
        header.setCommitOffset(3L);

        String[] answers = answers(RequestCode.UPDATE_CONSUMER_OFFSET, header, null);

        assertThat(answers[0]).startsWith(ResponseCode.SUCCESS + " ");
        assertThat(answers[1]).isEqualTo(answers[0]);
    }
}
