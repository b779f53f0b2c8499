package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.hook.SendMessageContext;
import org.apache.rocketmq.client.hook.SendMessageHook;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TransactionMQProducer} of the 4.9.8 client: commit, rollback, check-back, the move aside
 * after {@code transactionCheckMax} check-backs, and undecided transactions across a kill -9 of the
 * broker. Check intervals are configured short so that the tests run in seconds.
 */
class TransactionalMessagesTest {
    private static final String[] FAST_CHECKS = {"transactionTimeout = 1000", "transactionCheckInterval = 1000"};

    @TempDir
    Path dir;
    private BrokerProcess broker;
    private final List<TransactionMQProducer> producers = new ArrayList<>();
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    @AfterEach
    void shutdown() throws Exception {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producers.forEach(TransactionMQProducer::shutdown);
        if (broker != null) {
            broker.close();
        }
    }

    /** The decisions of a producer's local transactions, and the check-backs it was asked, by message body. */
    private static final class LocalTransactions implements TransactionListener {
        private final Function<String, LocalTransactionState> decision;
        private final Function<String, LocalTransactionState> checkAnswer;
        final List<String> checked = new CopyOnWriteArrayList<>();

        LocalTransactions(Function<String, LocalTransactionState> decision,
                Function<String, LocalTransactionState> checkAnswer) {
            this.decision = decision;
            this.checkAnswer = checkAnswer;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
            return decision.apply(body(message));
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt message) {
            checked.add(body(message));
            return checkAnswer.apply(body(message));
        }
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private TransactionMQProducer producer(String group, LocalTransactions transactions) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName(group + "-" + System.nanoTime());
        // after a broker restart the producer must be known again soon to be checked back
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTransactionListener(transactions);
        producer.start();
        producers.add(producer);
        return producer;
    }

    /** Starts a consumer of the whole topic; returns the messages it receives, duplicates included. */
    private List<MessageExt> consume(String group, String topic) throws Exception {
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return received;
    }

    private static List<String> bodies(List<MessageExt> messages) {
        return messages.stream().map(TransactionalMessagesTest::body).toList();
    }

    private static TransactionSendResult send(TransactionMQProducer producer, String topic, String body)
            throws Exception {
        return producer.sendMessageInTransaction(new Message(topic, "T", "key-" + body,
                body.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** The offset msg ids of the half messages the producer sends, by msgId (UNIQ_KEY). */
    private static Map<String, String> recordOffsetMsgIds(TransactionMQProducer producer) {
        Map<String, String> offsetMsgIds = new ConcurrentHashMap<>();
        producer.getDefaultMQProducerImpl().registerSendMessageHook(new SendMessageHook() {
            @Override
            public String hookName() {
                return "offset-msg-ids";
            }

            @Override
            public void sendMessageBefore(SendMessageContext context) {
            }

            @Override
            public void sendMessageAfter(SendMessageContext context) {
                if (context.getSendResult() != null) {
                    offsetMsgIds.put(context.getSendResult().getMsgId(), context.getSendResult().getOffsetMsgId());
                }
            }
        });
        return offsetMsgIds;
    }

    /** Gives the broker time for two more check passes, in which nothing more may happen. */
    private static void twoMoreCheckIntervals() throws InterruptedException {
        Thread.sleep(2500);
    }

    @Test
    void aCommitIsDeliveredOnceARollbackNeverAndAnUnknownOneAfterItsCheckBack() throws Exception {
        broker = BrokerProcess.start(dir, FAST_CHECKS);
        LocalTransactions transactions = new LocalTransactions(
                body -> body.startsWith("commit") ? LocalTransactionState.COMMIT_MESSAGE
                        : body.startsWith("rollback") ? LocalTransactionState.ROLLBACK_MESSAGE
                                : LocalTransactionState.UNKNOW,
                body -> LocalTransactionState.COMMIT_MESSAGE);
        TransactionMQProducer producer = producer("TX-decisions", transactions);

        TransactionSendResult committed = send(producer, "TxDecisions", "commit");
        send(producer, "TxDecisions", "rollback");
        send(producer, "TxDecisions", "unknown");
        List<MessageExt> received = consume("CG-decisions", "TxDecisions");

        await().atMost(Duration.ofSeconds(30)).until(() -> bodies(received).containsAll(List.of("commit", "unknown")));
        twoMoreCheckIntervals();
        assertThat(bodies(received)).containsExactlyInAnyOrder("commit", "unknown");
        assertThat(transactions.checked).as("only the undecided one is checked back").containsExactly("unknown");
        MessageExt delivered = received.stream().filter(m -> body(m).equals("commit")).findFirst().orElseThrow();
        assertThat(delivered.getMsgId()).isEqualTo(committed.getMsgId());
        assertThat(delivered.getKeys()).isEqualTo("key-commit");
    }

    @Test
    void aRepeatedOrContradictingEndTransactionChangesNothing() throws Exception {
        broker = BrokerProcess.start(dir, FAST_CHECKS);
        LocalTransactions transactions = new LocalTransactions(
                body -> body.equals("committed") ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE,
                body -> LocalTransactionState.COMMIT_MESSAGE);
        TransactionMQProducer producer = producer("TX-repeated", transactions);
        Map<String, String> offsetMsgIds = recordOffsetMsgIds(producer);
        Message committedMessage = new Message("TxRepeated", "committed".getBytes(StandardCharsets.UTF_8));
        TransactionSendResult committed = producer.sendMessageInTransaction(committedMessage, null);
        Message rolledBackMessage = new Message("TxRepeated", "rolled-back".getBytes(StandardCharsets.UTF_8));
        TransactionSendResult rolledBack = producer.sendMessageInTransaction(rolledBackMessage, null);
        // the client's own END_TRANSACTION finds the half message by its offset msg id, which the
        // transaction's send result leaves out
        committed.setOffsetMsgId(offsetMsgIds.get(committed.getMsgId()));
        rolledBack.setOffsetMsgId(offsetMsgIds.get(rolledBack.getMsgId()));
        List<MessageExt> received = consume("CG-repeated", "TxRepeated");
        await().atMost(Duration.ofSeconds(30)).until(() -> bodies(received).contains("committed"));

        producer.getDefaultMQProducerImpl().endTransaction(committedMessage, committed,
                LocalTransactionState.COMMIT_MESSAGE, null);
        producer.getDefaultMQProducerImpl().endTransaction(committedMessage, committed,
                LocalTransactionState.ROLLBACK_MESSAGE, null);
        producer.getDefaultMQProducerImpl().endTransaction(rolledBackMessage, rolledBack,
                LocalTransactionState.COMMIT_MESSAGE, null);

        twoMoreCheckIntervals();
        assertThat(bodies(received)).containsExactly("committed");
        assertThat(transactions.checked).isEmpty();
    }

    @Test
    void afterTransactionCheckMaxCheckBacksTheMessageIsMovedAsideWhereItCanBePulled() throws Exception {
        broker = BrokerProcess.start(dir, "transactionTimeout = 1000", "transactionCheckInterval = 1000",
                "transactionCheckMax = 3");
        LocalTransactions undecided = new LocalTransactions(body -> LocalTransactionState.UNKNOW,
                body -> LocalTransactionState.UNKNOW);
        TransactionMQProducer producer = producer("TX-undecided", undecided);
        TransactionSendResult sent = send(producer, "TxUndecided", "undecided");

        DefaultMQPullConsumer operator = new DefaultMQPullConsumer("CG-operator");
        operator.setNamesrvAddr(broker.nameServerAddress());
        operator.setInstanceName("operator-" + System.nanoTime());
        operator.start();
        try {
            MessageQueue aside = new MessageQueue("TRANS_CHECK_MAX_TIME_TOPIC", "broker-a", 0);
            PullResult listed = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> operator.pull(aside, "*", 0, 32), result -> result.getPullStatus() == PullStatus.FOUND);
            twoMoreCheckIntervals();

            assertThat(undecided.checked).containsExactly("undecided", "undecided", "undecided");
            assertThat(listed.getMsgFoundList()).hasSize(1);
            MessageExt movedAside = listed.getMsgFoundList().get(0);
            assertThat(body(movedAside)).isEqualTo("undecided");
            assertThat(movedAside.getMsgId()).isEqualTo(sent.getMsgId());
            assertThat(movedAside.getProperty("REAL_TOPIC")).isEqualTo("TxUndecided");
        } finally {
            operator.shutdown();
        }
    }

    @Test
    void undecidedTransactionsSurviveAKillMinus9AndAreDeliveredOnceAfterTheirCommit() throws Exception {
        broker = BrokerProcess.start(dir, FAST_CHECKS);
        AtomicBoolean decided = new AtomicBoolean();
        Map<String, Integer> checksAfterRestart = new ConcurrentHashMap<>();
        LocalTransactions transactions = new LocalTransactions(
                body -> body.equals("committed-before") ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.UNKNOW,
                body -> {
                    if (!decided.get()) {
                        return LocalTransactionState.UNKNOW;
                    }
                    checksAfterRestart.merge(body, 1, Integer::sum);
                    return LocalTransactionState.COMMIT_MESSAGE;
                });
        TransactionMQProducer producer = producer("TX-crash", transactions);
        List<String> open = List.of("open-1", "open-2", "open-3");
        send(producer, "TxCrash", "committed-before");
        for (String body : open) {
            send(producer, "TxCrash", body);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> transactions.checked.containsAll(open));

        broker.kill();
        broker = broker.restart();
        decided.set(true);
        List<MessageExt> received = consume("CG-crash", "TxCrash");

        await().atMost(Duration.ofSeconds(30)).until(() -> bodies(received).containsAll(open));
        twoMoreCheckIntervals();
        assertThat(bodies(received)).containsExactlyInAnyOrder("committed-before", "open-1", "open-2", "open-3");
        assertThat(checksAfterRestart).containsOnlyKeys(open);
        assertThat(checksAfterRestart.values()).as("each answered commit ends its check-backs").containsOnly(1);
    }
}
