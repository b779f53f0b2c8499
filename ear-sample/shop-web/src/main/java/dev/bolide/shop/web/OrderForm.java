package dev.bolide.shop.web;

import dev.bolide.shop.order.OrderRequest;

/** The JSON body of {@code POST /orders}; {@code couponCode} may be absent. */
public record OrderForm(Long userId, Long productId, Integer quantity, String couponCode) {
    /** The request; a missing field is a bad request naming it. */
    OrderRequest toRequest() {
        return new OrderRequest(required(userId, "userId"), required(productId, "productId"),
                required(quantity, "quantity"), couponCode);
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
