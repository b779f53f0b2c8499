package dev.bolide.shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderPricingTest {
    @Test
    void goodsOfAtMostOneHundredPayTheShippingFee() {
        OrderPricing pricing = OrderPricing.of(new BigDecimal("50.00"), 2, BigDecimal.ZERO);

        assertThat(pricing.price()).isEqualByComparingTo("100.00");
        assertThat(pricing.shippingFee()).isEqualByComparingTo("10");
        assertThat(pricing.total()).isEqualByComparingTo("110.00");
    }

    @Test
    void goodsAboveOneHundredShipFree() {
        OrderPricing pricing = OrderPricing.of(new BigDecimal("100.01"), 1, BigDecimal.ZERO);

        assertThat(pricing.shippingFee()).isEqualByComparingTo("0");
        assertThat(pricing.total()).isEqualByComparingTo("100.01");
    }

    @Test
    void theCouponIsTakenOffBeforeTheShippingRuleApplies() {
        OrderPricing pricing = OrderPricing.of(new BigDecimal("45.00"), 3, new BigDecimal("40.00"));

        assertThat(pricing.price()).isEqualByComparingTo("95.00");
        assertThat(pricing.shippingFee()).isEqualByComparingTo("10");
        assertThat(pricing.total()).isEqualByComparingTo("105.00");
    }

    @Test
    void aCouponWorthMoreThanTheGoodsMakesThemFreeNotNegative() {
        OrderPricing pricing = OrderPricing.of(new BigDecimal("3.00"), 1, new BigDecimal("5.00"));

        assertThat(pricing.price()).isEqualByComparingTo("0");
        assertThat(pricing.total()).isEqualByComparingTo("10");
    }

    @Test
    void aQuantityBelowOneIsRefused() {
        assertThatThrownBy(() -> OrderPricing.of(BigDecimal.TEN, 0, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
    }
}
