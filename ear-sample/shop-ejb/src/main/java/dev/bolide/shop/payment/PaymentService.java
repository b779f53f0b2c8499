package dev.bolide.shop.payment;

import dev.bolide.shop.messaging.ShopMessages;
import dev.bolide.shop.order.ShopOrder;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Payments. The platform's callback marks the payment paid and sends the "paid" message in one JTA
 * transaction - the message is an XA half message until the database commits with it, so there is
 * no outbox table - and returns; the order status, points and log follow from the message.
 */
@Stateless
public class PaymentService {
    @PersistenceContext
    private EntityManager entityManager;
    @EJB
    private ShopMessages messages;

    public Payment payment(long orderId) {
        return entityManager.find(Payment.class, orderId);
    }

    /** The callback: pays the order's payment; a repeated callback changes nothing. */
    public PaymentStatus pay(long orderId) {
        Payment payment = entityManager.find(Payment.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw new PaymentRefusedException("order " + orderId + " has no payment");
        }
        if (payment.getStatus() == PaymentStatus.EXPIRED) {
            throw new PaymentRefusedException("the payment of order " + orderId + " expired");
        }
        if (payment.getStatus() == PaymentStatus.UNPAID) {
            payment.markPaid();
            messages.sendPaid(orderId, payment.getUserId(), payment.getAmount());
        }
        return payment.getStatus();
    }

    /** Opens the payment of a confirmed order; in the caller's transaction. */
    public void open(ShopOrder order) {
        entityManager.persist(new Payment(order.getId(), order.getUserId(), order.getTotal()));
    }

    /** Closes a payment still unpaid; false when it was paid. In the caller's transaction. */
    public boolean expire(long orderId) {
        Payment payment = entityManager.find(Payment.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (payment.getStatus() != PaymentStatus.UNPAID) {
            return false;
        }
        payment.expire();
        return true;
    }

    public void log(long orderId, BigDecimal amount) {
        entityManager.persist(new PaymentLogEntry(orderId, amount));
    }

    public List<PaymentLogEntry> logOf(long orderId) {
        return entityManager.createQuery("select l from PaymentLogEntry l where l.orderId = :order order by l.id",
                        PaymentLogEntry.class)
                .setParameter("order", orderId)
                .getResultList();
    }
}
