package dev.bolide.shop.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** The payment log: one line per payment received. */
@Entity
public class PaymentLogEntry {
    @Id
    @GeneratedValue
    private long id;
    private long orderId;
    @Column(precision = 12, scale = 2)
    private BigDecimal amount;
    private Instant loggedAt;

    protected PaymentLogEntry() {
    }

    PaymentLogEntry(long orderId, BigDecimal amount) {
        this.orderId = orderId;
        this.amount = amount;
        this.loggedAt = Instant.now();
    }

    public long getOrderId() {
        return orderId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
