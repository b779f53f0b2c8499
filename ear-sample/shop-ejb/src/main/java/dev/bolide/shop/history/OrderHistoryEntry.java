package dev.bolide.shop.history;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One status change of an order, as its status event told it; {@code change} counts from 1. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"ORDERID", "CHANGE"}))
public class OrderHistoryEntry {
    @Id
    @GeneratedValue
    private long id;
    private long orderId;
    private int change;
    private String status;
    private Instant recordedAt;

    protected OrderHistoryEntry() {
    }

    OrderHistoryEntry(long orderId, int change, String status) {
        this.orderId = orderId;
        this.change = change;
        this.status = status;
        this.recordedAt = Instant.now();
    }

    public int getChange() {
        return change;
    }

    public String getStatus() {
        return status;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
