package dev.bolide.shop.account;

import dev.bolide.shop.order.StepRefusedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The account service: deducts an order's total from the balance in a transaction of its own and
 * gives it back on cancel; adds the points a payment earns (one per whole unit paid); credits top-ups.
 */
@Stateless
public class AccountService {
    @PersistenceContext
    private EntityManager entityManager;

    public List<UserAccount> users() {
        return entityManager.createQuery("select u from UserAccount u order by u.id", UserAccount.class)
                .getResultList();
    }

    public UserAccount user(long userId) {
        return entityManager.find(UserAccount.class, userId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deduct(long orderId, long userId, BigDecimal amount) {
        UserAccount user = entityManager.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user.getBalance().compareTo(amount) < 0) {
            throw new StepRefusedException("balance " + user.getBalance() + " of user " + userId
                    + " does not cover " + amount);
        }
        user.changeBalance(amount.negate());
        entityManager.persist(new BalanceDeduction(orderId, userId, amount));
    }

    /** Gives back what {@link #deduct} took for the order, if it took anything; in the caller's transaction. */
    public void restore(long orderId) {
        BalanceDeduction deduction = entityManager.find(BalanceDeduction.class, orderId);
        if (deduction == null) {
            return;
        }
        entityManager.find(UserAccount.class, deduction.getUserId(), LockModeType.PESSIMISTIC_WRITE)
                .changeBalance(deduction.getAmount());
        entityManager.remove(deduction);
    }

    /** Credits the points a paid order earns; in the caller's transaction. */
    public void addPoints(long orderId, long userId, BigDecimal paid) {
        long points = paid.setScale(0, RoundingMode.DOWN).longValueExact();
        entityManager.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE).addPoints(points);
        entityManager.persist(new PointsRecord(orderId, userId, points));
    }

    /** The local work of a top-up: credits the balance and records the top-up, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void topUp(String topUpId, long userId, BigDecimal amount) {
        entityManager.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE).changeBalance(amount);
        entityManager.persist(new TopUp(topUpId, userId, amount));
    }

    public TopUp topUpOf(String topUpId) {
        return entityManager.find(TopUp.class, topUpId);
    }

    /** The top-up's message was delivered; in the caller's transaction. */
    public void markNotified(String topUpId) {
        entityManager.find(TopUp.class, topUpId).markNotified();
    }

    public PointsRecord pointsOf(long orderId) {
        return entityManager.find(PointsRecord.class, orderId);
    }
}
