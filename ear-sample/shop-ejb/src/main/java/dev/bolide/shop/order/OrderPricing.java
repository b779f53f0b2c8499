package dev.bolide.shop.order;

import java.math.BigDecimal;

/**
 * What an order costs: the goods ({@code unit price x quantity}, less the coupon, never below zero),
 * the shipping fee (free when the goods cost more than {@link #FREE_SHIPPING_ABOVE}, else
 * {@link #SHIPPING_FEE}) and their total.
 */
public record OrderPricing(BigDecimal price, BigDecimal shippingFee, BigDecimal total) {
    public static final BigDecimal FREE_SHIPPING_ABOVE = new BigDecimal("100");
    public static final BigDecimal SHIPPING_FEE = new BigDecimal("10");

    public static OrderPricing of(BigDecimal unitPrice, int quantity, BigDecimal couponAmount) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        BigDecimal goods = unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(couponAmount)
                .max(BigDecimal.ZERO);
        BigDecimal shipping = goods.compareTo(FREE_SHIPPING_ABOVE) > 0 ? BigDecimal.ZERO : SHIPPING_FEE;
        return new OrderPricing(goods, shipping, goods.add(shipping));
    }
}
