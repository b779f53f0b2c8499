package dev.bolide.shop.history;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Each order's status history, appended in the order its status events were published. */
@Stateless
public class OrderHistory {
    @PersistenceContext
    private EntityManager entityManager;

    public List<OrderHistoryEntry> of(long orderId) {
        return entityManager.createQuery(
                        "select e from OrderHistoryEntry e where e.orderId = :order order by e.change",
                        OrderHistoryEntry.class)
                .setParameter("order", orderId)
                .getResultList();
    }

    /**
     * Appends the order's {@code change}-th status change. A change recorded already (a message
     * delivered again) is skipped; one that skips a number throws {@link EventOutOfOrderException},
     * so its transaction rolls back and it is delivered again after the missing one.
     */
    public void append(long orderId, int change, String status) {
        int last = entityManager.createQuery(
                        "select coalesce(max(e.change), 0) from OrderHistoryEntry e where e.orderId = :order",
                        Integer.class)
                .setParameter("order", orderId)
                .getSingleResult();
        HistorySequence sequence = HistorySequence.of(last, change);
        if (sequence == HistorySequence.OUT_OF_ORDER) {
            throw new EventOutOfOrderException("order " + orderId + ": status change " + change
                    + " arrived after change " + last);
        }
        if (sequence == HistorySequence.APPEND) {
            entityManager.persist(new OrderHistoryEntry(orderId, change, status));
        }
    }
}
