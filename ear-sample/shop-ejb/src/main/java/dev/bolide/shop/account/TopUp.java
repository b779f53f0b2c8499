package dev.bolide.shop.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A balance top-up: written in the local transaction that credits the balance, so its presence is
 * what the check-back answers from; {@code notified} is set when its message was delivered.
 */
@Entity
public class TopUp {
    @Id
    private String id;
    private long userId;
    @Column(precision = 12, scale = 2)
    private BigDecimal amount;
    private Instant createdAt;
    private boolean notified;

    protected TopUp() {
    }

    TopUp(String id, long userId, BigDecimal amount) {
        this.id = id;
        this.userId = userId;
        this.amount = amount;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isNotified() {
        return notified;
    }

    void markNotified() {
        notified = true;
    }
}
