package dev.bolide.shop.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Points a paid order earned its user (one per order). */
@Entity
public class PointsRecord {
    @Id
    private long orderId;
    private long userId;
    private long points;

    protected PointsRecord() {
    }

    PointsRecord(long orderId, long userId, long points) {
        this.orderId = orderId;
        this.userId = userId;
        this.points = points;
    }

    public long getOrderId() {
        return orderId;
    }

    public long getPoints() {
        return points;
    }
}
