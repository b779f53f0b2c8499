package dev.bolide.shop.web;

import java.math.BigDecimal;

/** A JSON body with an amount, {@code {"amount": 50}}: top-ups, new coupons. */
public record AmountForm(BigDecimal amount) {
    /** The amount of {@code form}; a missing body or amount is a bad request. */
    static BigDecimal amountOf(AmountForm form) {
        if (form == null || form.amount() == null) {
            throw new IllegalArgumentException("a JSON body {\"amount\": ...} is required");
        }
        return form.amount();
    }
}
