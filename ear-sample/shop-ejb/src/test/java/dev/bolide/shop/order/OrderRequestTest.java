package dev.bolide.shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderRequestTest {
    @Test
    void aQuantityOfZeroIsInvalid() {
        assertThatThrownBy(() -> new OrderRequest(1, 1, 0, null).validate())
                .isInstanceOf(InvalidOrderException.class)
                .hasMessage("quantity must be 1..100, was 0");
    }

    @Test
    void aQuantityAboveTheLimitIsInvalid() {
        assertThatThrownBy(() -> new OrderRequest(1, 1, OrderRequest.MAX_QUANTITY + 1, null).validate())
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("quantity");
    }

    @Test
    void theLimitItselfIsValid() {
        assertThatCode(() -> new OrderRequest(1, 1, OrderRequest.MAX_QUANTITY, null).validate())
                .doesNotThrowAnyException();
    }

    @Test
    void aBlankCouponCodeMeansNoCoupon() {
        assertThat(new OrderRequest(1, 1, 1, " ").hasCoupon()).isFalse();
        assertThat(new OrderRequest(1, 1, 1, null).hasCoupon()).isFalse();
        assertThat(new OrderRequest(1, 1, 1, "SAVE5-01").hasCoupon()).isTrue();
    }
}
