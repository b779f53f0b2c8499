package dev.bolide.shop.coupon;

import dev.bolide.shop.InvalidInputException;
import dev.bolide.shop.order.StepRefusedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The coupon service: marks a coupon used by an order in a transaction of its own, frees it on cancel. */
@Stateless
public class CouponService {
    @PersistenceContext
    private EntityManager entityManager;

    public List<Coupon> coupons() {
        return entityManager.createQuery("select c from Coupon c order by c.code", Coupon.class).getResultList();
    }

    public Coupon coupon(String code) {
        return entityManager.find(Coupon.class, code);
    }

    /** A new coupon with a generated code. */
    public Coupon issue(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new InvalidInputException("a coupon's amount must be positive, was " + amount);
        }
        Coupon coupon = new Coupon("C-" + UUID.randomUUID().toString().substring(0, 8), amount);
        entityManager.persist(coupon);
        return coupon;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void use(long orderId, String code) {
        Coupon coupon = entityManager.find(Coupon.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (coupon.isUsed()) {
            throw new StepRefusedException("coupon " + code + " was used by order " + coupon.getUsedByOrder());
        }
        coupon.useFor(orderId);
    }

    /** Frees the coupon the order used, if any; in the caller's transaction. */
    public void restore(long orderId) {
        entityManager.createQuery("select c from Coupon c where c.usedByOrder = :order", Coupon.class)
                .setParameter("order", orderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(Coupon::release);
    }
}
