package dev.bolide.tck.ondisk;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Three transactional messages of producer group {@value #GROUP} to topic {@value #TOPIC}: one
 * committed, one rolled back and one left undecided, whose producer must be asked again by
 * whichever broker holds the store next.
 */
final class UndecidedTransaction {
    static final String TOPIC = "Ledger";
    static final String GROUP = "PG-ledger";
    static final String COMMITTED = "tx-committed";
    static final String ROLLED_BACK = "tx-rolled-back";
    static final String UNDECIDED = "tx-undecided";

    private UndecidedTransaction() {
    }

    /**
     * Sends the three and waits until the broker has both decisions: the client sends them one
     * way, so they could otherwise still be on the wire when the broker stops.
     */
    static void send(String nameServer, DefaultMQAdminExt admin, String brokerName) throws Exception {
        TransactionMQProducer producer = producer(nameServer, new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return switch (body(message)) {
                    case COMMITTED -> LocalTransactionState.COMMIT_MESSAGE;
                    case ROLLED_BACK -> LocalTransactionState.ROLLBACK_MESSAGE;
                    default -> LocalTransactionState.UNKNOW;
                };
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.UNKNOW;
            }
        });
        try {
            for (String body : new String[] {COMMITTED, ROLLED_BACK, UNDECIDED}) {
                producer.sendMessageInTransaction(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), null);
            }
        } finally {
            producer.shutdown();
        }
        MessageQueue opQueue = new MessageQueue(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, brokerName, 0);
        await("both decisions stored").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.maxOffset(opQueue) == 2);
    }

    /**
     * A started producer of the group that answers a check-back with a commit for the undecided
     * message and a rollback for any other, noting in {@code checked} the body of each it is asked about.
     */
    static TransactionMQProducer checkingProducer(String nameServer, Set<String> checked) throws Exception {
        return producer(nameServer, new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                throw new IllegalStateException("this producer only answers check-backs");
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(body(message));
                return body(message).equals(UNDECIDED) ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE;
            }
        });
    }

    private static TransactionMQProducer producer(String nameServer, TransactionListener listener) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(GROUP);
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("ledger-" + System.nanoTime());
        producer.setTransactionListener(listener);
        producer.start();
        return producer;
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
