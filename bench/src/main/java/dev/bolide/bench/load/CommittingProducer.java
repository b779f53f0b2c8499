package dev.bolide.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A started {@link TransactionMQProducer} whose local transactions all commit at once: what the
 * transactional cells measure is the broker's half message, its {@code END_TRANSACTION} and the
 * committed message, not an application's work. A broker that asks back (its check of a half
 * message it holds undecided) is answered commit too, and counted.
 *
 * @param producer the producer; the caller shuts it down
 */
record CommittingProducer(TransactionMQProducer producer, AtomicLong checksAsked) {

    static CommittingProducer start(BrokerProcess broker) throws MQClientException {
        AtomicLong checks = new AtomicLong();
        TransactionMQProducer producer = new TransactionMQProducer("bench-transactional-producer");
        producer.setNamesrvAddr(broker.clientAddress());
        producer.setInstanceName("bench-transactional-producer-" + System.nanoTime());
        producer.setVipChannelEnabled(false); // as BrokerRun's plain producer
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checks.incrementAndGet();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        return new CommittingProducer(producer, checks);
    }

    /** The checks the broker has asked this producer so far. */
    long checks() {
        return checksAsked.get();
    }
}
