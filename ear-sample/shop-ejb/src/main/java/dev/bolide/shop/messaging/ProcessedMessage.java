package dev.bolide.shop.messaging;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a consumer group has acted on, keyed by (group, message key). It is inserted in the
 * transaction that acts on the message, so a message delivered again finds it and is skipped;
 * {@code duplicates} counts those skips.
 */
@Entity
@IdClass(ProcessedMessage.Key.class)
public class ProcessedMessage {
    @Id
    private String consumerGroup;
    @Id
    private String messageKey;
    private Instant processedAt;
    private int duplicates;

    protected ProcessedMessage() {
    }

    ProcessedMessage(String consumerGroup, String messageKey) {
        this.consumerGroup = consumerGroup;
        this.messageKey = messageKey;
        this.processedAt = Instant.now();
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public int getDuplicates() {
        return duplicates;
    }

    void countDuplicate() {
        duplicates++;
    }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String consumerGroup;
        private String messageKey;

        public Key() {
        }

        public Key(String consumerGroup, String messageKey) {
            this.consumerGroup = consumerGroup;
            this.messageKey = messageKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumerGroup, key.consumerGroup)
                    && Objects.equals(messageKey, key.messageKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumerGroup, messageKey);
        }
    }
}
