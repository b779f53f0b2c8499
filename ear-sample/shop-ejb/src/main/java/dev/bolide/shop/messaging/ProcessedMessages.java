package dev.bolide.shop.messaging;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The idempotency table: which (consumer group, message key) pairs were acted on. */
@Stateless
public class ProcessedMessages {
    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Records the message in the caller's transaction. False when the group acted on this key
     * before (the skip is counted). Two deliveries racing both insert; the second fails at the
     * flush, its transaction rolls back and the message comes again, then as a duplicate.
     */
    public boolean firstDelivery(String consumerGroup, String messageKey) {
        ProcessedMessage seen = entityManager.find(ProcessedMessage.class,
                new ProcessedMessage.Key(consumerGroup, messageKey));
        if (seen != null) {
            seen.countDuplicate();
            return false;
        }
        entityManager.persist(new ProcessedMessage(consumerGroup, messageKey));
        entityManager.flush();
        return true;
    }

    public List<ProcessedMessage> withKey(String messageKey) {
        return entityManager.createQuery(
                        "select p from ProcessedMessage p where p.messageKey = :key order by p.consumerGroup",
                        ProcessedMessage.class)
                .setParameter("key", messageKey)
                .getResultList();
    }
}
