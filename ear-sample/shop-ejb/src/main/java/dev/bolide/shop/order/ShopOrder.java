package dev.bolide.shop.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of one product. {@code statusChanges} numbers its status changes: each change publishes
 * an event carrying it, so the history recorder can tell a missing event from a repeated one.
 */
@Entity
public class ShopOrder {
    @Id
    @GeneratedValue
    private long id;
    private long userId;
    private long productId;
    private int quantity;
    private String couponCode;
    @Column(precision = 12, scale = 2)
    private BigDecimal price;
    @Column(precision = 12, scale = 2)
    private BigDecimal shippingFee;
    @Column(precision = 12, scale = 2)
    private BigDecimal total;
    /*
     * A varchar column, not the database's own enum type (Hibernate's choice on H2): H2 2.x reads a
     * native enum value back as its number, not its name, in a row that a transaction recovered
     * after a crash changed, until the database closes (the payment crash test on WildFly).
     */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(32)")
    private OrderStatus status;
    private int statusChanges;
    private String failureReason;
    private Instant createdAt;
    @Version
    private long version;

    protected ShopOrder() {
    }

    ShopOrder(OrderRequest request, OrderPricing pricing) {
        this.userId = request.userId();
        this.productId = request.productId();
        this.quantity = request.quantity();
        this.couponCode = request.couponCode();
        this.price = pricing.price();
        this.shippingFee = pricing.shippingFee();
        this.total = pricing.total();
        this.status = OrderStatus.UNCONFIRMED;
        this.statusChanges = 1;
        this.createdAt = Instant.now();
    }

    /** Moves to {@code next}; returns the change's number. */
    int changeStatus(OrderStatus next) {
        status = next;
        return ++statusChanges;
    }

    void recordFailure(String reason) {
        failureReason = reason;
    }

    public long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public BigDecimal getShippingFee() {
        return shippingFee;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public int getStatusChanges() {
        return statusChanges;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
