package dev.bolide.shop.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** What the stock service took for an order: the record its restore gives back, then deletes. */
@Entity
public class StockDeduction {
    @Id
    private long orderId;
    private long productId;
    private int quantity;

    protected StockDeduction() {
    }

    StockDeduction(long orderId, long productId, int quantity) {
        this.orderId = orderId;
        this.productId = productId;
        this.quantity = quantity;
    }

    long getProductId() {
        return productId;
    }

    int getQuantity() {
        return quantity;
    }
}
