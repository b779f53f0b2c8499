package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.mqadmin.MqAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.QueryMessageRequestHeader;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access-control judges of issue 16, run with the real rocketmq-client and rocketmq-acl 4.9.8
 * {@code AclClientRPCHook} against a broker with {@code aclEnable = true} and {@link #PLAIN_ACL_YML}:
 * {@link AccessControlTest} runs them on Bolide, {@link AccessControlOnApacheRocketMqTest} on Apache
 * RocketMQ 4.9.7, so each refusal is asserted with the same code and words on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AclScenarios {
    static final String TOPIC = "Orders";
    /** A topic producer1 may not publish to until the file is edited. */
    static final String LATER_TOPIC = "Invoices";
    /** A topic nobody may publish to: what a refused send would have put there is easy to see. */
    static final String ARCHIVE = "Archive";
    static final String GROUP = "OrderReaders";
    static final SessionCredentials PRODUCER = new SessionCredentials("producer1", "producer-secret");
    static final SessionCredentials CONSUMER = new SessionCredentials("consumer1", "consumer-secret");
    static final SessionCredentials ADMIN = new SessionCredentials("operator1", "operator-secret");
    static final String PLAIN_ACL_YML = """
            accounts:
              - accessKey: producer1
                secretKey: producer-secret
                topicPerms:
                  - Orders=PUB
              - accessKey: consumer1
                secretKey: consumer-secret
                topicPerms:
                  - Orders=SUB
                  - Archive=SUB
                groupPerms:
                  - OrderReaders=SUB
              - accessKey: operator1
                secretKey: operator-secret
                admin: true
            """;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Runnable> shutdowns = new CopyOnWriteArrayList<>();
    private DefaultMQAdminExt admin;
    private DefaultMQProducer inspector;

    abstract String nameServerAddress();

    abstract String brokerAddress();

    abstract Path aclFile();

    /** Starts the broker with {@link #PLAIN_ACL_YML}, unless an extension did. */
    abstract void startBroker() throws Exception;

    abstract void stopBroker() throws Exception;

    @BeforeAll
    void startBrokerAndCreateTopics() throws Exception {
        startBroker();
        admin = started(new DefaultMQAdminExt(hook(ADMIN)));
        inspector = startedProducer(hook(ADMIN));
        for (String topic : List.of(TOPIC, LATER_TOPIC, ARCHIVE)) {
            admin.createAndUpdateTopicConfig(brokerAddress(), new TopicConfig(topic, 4, 4, 6));
            await("route of " + topic).atMost(WAIT).ignoreExceptions()
                    .until(() -> !admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty());
        }
    }

    @AfterAll
    void shutdownClientsAndBroker() throws Exception {
        shutdowns.forEach(Runnable::run);
        stopBroker();
    }

    static RPCHook hook(SessionCredentials credentials) {
        return new AclClientRPCHook(credentials);
    }

    @Test
    void aSendWithoutCredentialsIsRefusedAndNothingIsStored() throws Exception {
        assertRefused(catchThrowable(() -> startedProducer(null).send(message(ARCHIVE))), "No accessKey is configured");
        assertThat(stored(ARCHIVE)).isZero();
    }

    @Test
    void aSendWithAWrongSecretIsRefusedAndNothingIsStored() throws Exception {
        DefaultMQProducer producer = startedProducer(hook(new SessionCredentials("consumer1", "not-the-secret")));

        assertRefused(catchThrowable(() -> producer.send(message(ARCHIVE))), "Check signature failed for accessKey=consumer1");
        assertThat(stored(ARCHIVE)).isZero();
    }

    @Test
    void aSendWithoutPubOnTheTopicIsRefusedAndNothingIsStored() throws Exception {
        DefaultMQProducer producer = startedProducer(hook(CONSUMER));

        assertRefused(catchThrowable(() -> producer.send(message(ARCHIVE))), "No default permission for topic:Archive");
        assertThat(stored(ARCHIVE)).isZero();
    }

    @Test
    @SuppressWarnings("deprecation")
    void aPullWithoutSubOnTheGroupIsRefused() throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("OtherReaders", hook(CONSUMER));
        started(consumer);

        assertRefused(catchThrowable(() -> consumer.pull(new MessageQueue(TOPIC, brokerName(), 0), "*", 0, 32)),
                "No default permission for group:OtherReaders");
    }

    @Test
    void aNonAdminCannotCreateOrDeleteATopic() throws Exception {
        DefaultMQAdminExt nonAdmin = started(new DefaultMQAdminExt(hook(PRODUCER)));

        assertRefused(catchThrowable(() -> nonAdmin.createAndUpdateTopicConfig(brokerAddress(),
                new TopicConfig("Sneaky", 4, 4, 6))), "Need admin permission for request code=17, but accessKey=producer1 is not");
        assertRefused(catchThrowable(() -> nonAdmin.deleteTopicInBroker(Set.of(brokerAddress()), TOPIC)),
                "Need admin permission for request code=215, but accessKey=producer1 is not");

        Throwable unknown = catchThrowable(() -> stored("Sneaky"));
        assertThat(unknown).isInstanceOf(MQBrokerException.class);
        assertThat(((MQBrokerException) unknown).getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(startedProducer(hook(PRODUCER)).send(message(TOPIC)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void theRightAccountsSendAndConsume() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        startedPushConsumer(received);

        assertThat(startedProducer(hook(PRODUCER)).send(message(TOPIC, "for the readers")).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);

        await("consumed").atMost(WAIT).until(() -> received.contains("for the readers"));
    }

    @Test
    void anEditOfTheFileAppliesWithoutARestart() throws Exception {
        DefaultMQProducer producer = startedProducer(hook(PRODUCER));
        assertRefused(catchThrowable(() -> producer.send(message(LATER_TOPIC))), "No default permission for topic:Invoices");

        Files.writeString(aclFile(), PLAIN_ACL_YML.replace("      - Orders=PUB\n", "      - Orders=PUB\n      - Invoices=PUB\n"));

        await("the edit in force").atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> producer.send(message(LATER_TOPIC)).getSendStatus() == SendStatus.SEND_OK);
    }

    @Test
    void anAdminAddsAndRemovesAnAccountWithMqadminsRequests() throws Exception {
        long before = aclVersion();
        PlainAccessConfig account = new PlainAccessConfig();
        account.setAccessKey("producer2");
        account.setSecretKey("producer2-secret");
        account.setTopicPerms(List.of("Orders=PUB"));
        DefaultMQProducer producer = startedProducer(hook(new SessionCredentials("producer2", "producer2-secret")));

        admin.createAndUpdatePlainAccessConfig(brokerAddress(), account);
        await("producer2 in force").atMost(WAIT).ignoreExceptions()
                .until(() -> producer.send(message(TOPIC)).getSendStatus() == SendStatus.SEND_OK);
        assertThat(aclVersion()).isGreaterThan(before);

        admin.deletePlainAccessConfig(brokerAddress(), "producer2");
        await("producer2 gone").atMost(WAIT)
                .until(() -> isRefused(catchThrowable(() -> producer.send(message(TOPIC))), "No acl config for producer2"));
    }

    @Test
    void mqadminSignsWithTheAccountOfToolsYml() throws Exception {
        String[] updateTopic = {"updateTopic", "-n", nameServerAddress(), "-b", brokerAddress(), "-t", "ViaMqadmin"};
        try {
            MqAdmin.signAs(null, null);
            assertThat(MqAdmin.run(updateTopic)).contains("No accessKey is configured")
                    .doesNotContain("create topic to");

            MqAdmin.signAs(ADMIN.getAccessKey(), ADMIN.getSecretKey());
            assertThat(MqAdmin.run(updateTopic)).contains("create topic to " + brokerAddress() + " success");
            assertThat(MqAdmin.run("clusterAclConfigVersion", "-n", nameServerAddress(), "-b", brokerAddress()))
                    .contains("get broker's plain access config version success");
        } finally {
            MqAdmin.signAs(null, null);
        }
    }

    @Test
    void mqadminUpdatesTheGlobalWhiteAddressesInTheAclFile() throws Exception {
        try {
            MqAdmin.signAs(ADMIN.getAccessKey(), ADMIN.getSecretKey());

            String output = MqAdmin.run("updateGlobalWhiteAddr", "-n", nameServerAddress(), "-b", brokerAddress(),
                    "-g", "10.10.103.*");

            assertThat(output).contains("update global white remote addresses to " + brokerAddress() + " success.");
            await("the file rewritten").atMost(WAIT).until(() -> Files.readString(aclFile()).contains("10.10.103.*"));
        } finally {
            MqAdmin.signAs(null, null);
        }
    }

    /** Per file, as RocketMQ counts them at once (its single "version" follows only when it re-reads the file). */
    private long aclVersion() throws Exception {
        return admin.examineBrokerClusterAclVersionInfo(brokerAddress()).getAllAclConfigDataVersion().values().stream()
                .mapToLong(version -> version.getCounter().get()).max().orElse(0);
    }

    /**
     * Sends a message with key {@code key} to {@link #TOPIC} as producer1, then asks the broker for it
     * by key (QUERY_MESSAGE) as consumer1, who may read the topic, signed by the real hook; the
     * broker's answer, once the message is indexed or after {@link #WAIT} (RocketMQ's refusal never
     * changes).
     */
    RemotingCommand queryByKeyAsReader(String key) throws Exception {
        Message keyed = message(TOPIC);
        keyed.setKeys(key);
        assertThat(startedProducer(hook(PRODUCER)).send(keyed).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        DefaultMQProducer reader = startedProducer(hook(CONSUMER));
        AtomicReference<RemotingCommand> answer = new AtomicReference<>();
        await("query answered").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            answer.set(query(reader, key));
            return answer.get().getCode() != ResponseCode.QUERY_NOT_FOUND;
        });
        return answer.get();
    }

    private RemotingCommand query(DefaultMQProducer client, String key) throws Exception {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(TOPIC);
        header.setKey(key);
        header.setMaxNum(32);
        header.setBeginTimestamp(0L);
        header.setEndTimestamp(Long.MAX_VALUE);
        CompletableFuture<RemotingCommand> response = new CompletableFuture<>();
        client.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl().queryMessage(brokerAddress(),
                header, 5_000, future -> response.complete(future.getResponseCommand()), false);
        return response.get(10, TimeUnit.SECONDS);
    }

    String brokerName() throws Exception {
        return admin.examineTopicRouteInfo(TOPIC).getBrokerDatas().get(0).getBrokerName();
    }

    /** Messages stored in {@code topic}, asked of the broker itself (TOPIC_NOT_EXIST when it has no such topic). */
    long stored(String topic) throws Exception {
        return inspector.getDefaultMQProducerImpl().getmQClientFactory().getMQClientAPIImpl()
                .getTopicStatsInfo(brokerAddress(), topic, 5_000).getOffsetTable().values().stream()
                .mapToLong(TopicOffset::getMaxOffset).sum();
    }

    /** The client's own refusal: RocketMQ's code for an ACL refusal and its words, somewhere in the cause chain. */
    static void assertRefused(Throwable thrown, String reason) {
        assertThat(isRefused(thrown, reason)).as("refused for '%s': %s", reason, thrown).isTrue();
    }

    private static boolean isRefused(Throwable thrown, String reason) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (code(t) == ResponseCode.SYSTEM_ERROR && message(t) != null && message(t).contains(reason)) {
                return true;
            }
        }
        return false;
    }

    private static int code(Throwable t) {
        return t instanceof MQBrokerException broker ? broker.getResponseCode()
                : t instanceof MQClientException client ? client.getResponseCode() : -1;
    }

    private static String message(Throwable t) {
        return t instanceof MQBrokerException broker ? broker.getErrorMessage()
                : t instanceof MQClientException client ? client.getErrorMessage() : t.getMessage();
    }

    private static Message message(String topic) {
        return message(topic, "body");
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Each client in its own client instance: instances share the hook of whoever made them first. */
    private DefaultMQProducer startedProducer(RPCHook hook) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("PG", hook);
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private void startedPushConsumer(List<String> received) throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(GROUP, hook(CONSUMER),
                new AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName("consumer-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    private DefaultMQAdminExt started(DefaultMQAdminExt adminExt) throws MQClientException {
        adminExt.setNamesrvAddr(nameServerAddress());
        adminExt.setInstanceName("admin-" + System.nanoTime());
        adminExt.start();
        shutdowns.add(adminExt::shutdown);
        return adminExt;
    }

    @SuppressWarnings("deprecation")
    private void started(DefaultMQPullConsumer consumer) throws MQClientException {
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName("pull-" + System.nanoTime());
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }
}
