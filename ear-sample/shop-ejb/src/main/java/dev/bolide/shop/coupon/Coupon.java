package dev.bolide.shop.coupon;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** A one-time discount: the order that used it, or none while it is free. */
@Entity
public class Coupon {
    @Id
    private String code;
    @Column(precision = 12, scale = 2)
    private BigDecimal amount;
    private Long usedByOrder;
    @Version
    private long version;

    protected Coupon() {
    }

    public Coupon(String code, BigDecimal amount) {
        this.code = code;
        this.amount = amount;
    }

    public String getCode() {
        return code;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Long getUsedByOrder() {
        return usedByOrder;
    }

    public boolean isUsed() {
        return usedByOrder != null;
    }

    void useFor(long orderId) {
        usedByOrder = orderId;
    }

    void release() {
        usedByOrder = null;
    }
}
