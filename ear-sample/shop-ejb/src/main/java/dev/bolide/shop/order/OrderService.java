package dev.bolide.shop.order;

import dev.bolide.shop.messaging.ShopMessages;
import dev.bolide.shop.payment.PaymentService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The order service: each status change and the messages it causes (the status event, the cancel
 * message, the delayed unpaid check) commit in one JTA transaction over the database and Bolide.
 */
@Stateless
public class OrderService {
    @PersistenceContext
    private EntityManager entityManager;
    @EJB
    private ShopMessages messages;
    @EJB
    private PaymentService payments;
    @EJB
    private ShopSettings settings;

    public ShopOrder order(long orderId) {
        return entityManager.find(ShopOrder.class, orderId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long saveUnconfirmed(OrderRequest request, OrderPricing pricing) {
        ShopOrder order = new ShopOrder(request, pricing);
        entityManager.persist(order);
        entityManager.flush();
        messages.publishStatus(order.getId(), order.getStatusChanges(), order.getStatus());
        return order.getId();
    }

    /** Confirms the order, opens its payment and asks again after the unpaid timeout. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void confirm(long orderId) {
        ShopOrder order = locked(orderId);
        changeStatus(order, OrderStatus.CONFIRMED);
        payments.open(order);
        messages.sendUnpaidCheck(orderId, settings.unpaidTimeout());
    }

    /** Marks the order failed and, in the same transaction, tells every service to undo its part. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long orderId, String reason) {
        failWithin(locked(orderId), reason);
    }

    /** The unpaid check: an order still unpaid fails (its payment closes) and is cancelled. */
    public void cancelIfUnpaid(long orderId) {
        ShopOrder order = locked(orderId);
        if (order.getStatus() == OrderStatus.CONFIRMED && payments.expire(orderId)) {
            failWithin(order, "not paid in time");
        }
    }

    /**
     * Sends a failed order's cancel message again, as a broker redelivering it would: the services
     * find its key processed and change nothing. Other orders are refused: their steps stand.
     */
    public void resendCancel(long orderId) {
        ShopOrder order = order(orderId);
        if (order == null || order.getStatus() != OrderStatus.FAILED && order.getStatus() != OrderStatus.CANCELLED) {
            throw new InvalidOrderException("order " + orderId + " did not fail: it has no cancel message");
        }
        messages.sendCancel(orderId);
    }

    public void markCancelled(long orderId) {
        ShopOrder order = locked(orderId);
        if (order.getStatus() == OrderStatus.FAILED) {
            changeStatus(order, OrderStatus.CANCELLED);
        }
    }

    public void markPaid(long orderId) {
        ShopOrder order = locked(orderId);
        if (order.getStatus() == OrderStatus.CONFIRMED) {
            changeStatus(order, OrderStatus.PAID);
        }
    }

    private void failWithin(ShopOrder order, String reason) {
        order.recordFailure(reason);
        changeStatus(order, OrderStatus.FAILED);
        messages.sendCancel(order.getId());
    }

    private void changeStatus(ShopOrder order, OrderStatus next) {
        int change = order.changeStatus(next);
        messages.publishStatus(order.getId(), change, next);
    }

    private ShopOrder locked(long orderId) {
        return entityManager.find(ShopOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
