package dev.bolide.shop.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** What the balance service took for an order: the record its restore gives back, then deletes. */
@Entity
public class BalanceDeduction {
    @Id
    private long orderId;
    private long userId;
    @Column(precision = 12, scale = 2)
    private BigDecimal amount;

    protected BalanceDeduction() {
    }

    BalanceDeduction(long orderId, long userId, BigDecimal amount) {
        this.orderId = orderId;
        this.userId = userId;
        this.amount = amount;
    }

    long getUserId() {
        return userId;
    }

    BigDecimal getAmount() {
        return amount;
    }
}
