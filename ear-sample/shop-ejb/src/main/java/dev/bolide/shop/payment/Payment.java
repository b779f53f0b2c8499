package dev.bolide.shop.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The payment a confirmed order waits for. */
@Entity
public class Payment {
    @Id
    private long orderId;
    private long userId;
    @Column(precision = 12, scale = 2)
    private BigDecimal amount;
    /* a varchar column, not H2's enum type: ShopOrder.status says why */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(32)")
    private PaymentStatus status;
    private Instant paidAt;
    @Version
    private long version;

    protected Payment() {
    }

    Payment(long orderId, long userId, BigDecimal amount) {
        this.orderId = orderId;
        this.userId = userId;
        this.amount = amount;
        this.status = PaymentStatus.UNPAID;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getUserId() {
        return userId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    void markPaid() {
        status = PaymentStatus.PAID;
        paidAt = Instant.now();
    }

    void expire() {
        status = PaymentStatus.EXPIRED;
    }
}
