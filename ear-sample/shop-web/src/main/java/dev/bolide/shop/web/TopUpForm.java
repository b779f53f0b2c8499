package dev.bolide.shop.web;

import java.math.BigDecimal;

/** The JSON body of a top-up: {@code {"amount": 50}}. */
public record TopUpForm(BigDecimal amount) {
    /** The amount of {@code form}; a missing body or amount is a bad request. */
    static BigDecimal amountOf(TopUpForm form) {
        if (form == null || form.amount() == null) {
            throw new IllegalArgumentException("a JSON body {\"amount\": ...} is required");
        }
        return form.amount();
    }
}
