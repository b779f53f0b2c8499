package dev.bolide.client.jms.producer;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.mapping.RocketMqMapping;
import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.concurrent.CompletableFuture;

/** What a producer needs of the session that created it. */
public interface ProducerSession {
    RocketMqMapping mapping();

    String connectionId();

    /** Sends through the session's send path (direct, or inside its transaction). */
    CompletableFuture<SendResult> send(OutgoingRecord record) throws JMSException;

    /** Whether sends are settled by the transaction's commit, which reports a failed one. */
    boolean sendOutcomeAtCommit();

    /** Calls the listener once the send is done, after the callbacks of the session's earlier sends. */
    void whenSent(CompletableFuture<SendResult> sent, Message message, CompletionListener listener);

    /** Whether the calling thread runs the session's completion callbacks. */
    boolean isCompletionThread();

    /** Waits for the completion callbacks of the sends so far. */
    void awaitCompletions();

    void producerClosed(BolideMessageProducer producer);

    void checkOpen() throws IllegalStateException;
}
