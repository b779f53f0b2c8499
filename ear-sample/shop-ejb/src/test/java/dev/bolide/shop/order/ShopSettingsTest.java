package dev.bolide.shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopSettingsTest {
    @Test
    void theUnpaidTimeoutIsAnIsoDuration() {
        assertThat(ShopSettings.parse(" PT5S\n")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMalformedTimeoutIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ShopSettings.parse("5 minutes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601 duration such as PT15M");
    }

    @Test
    void aZeroTimeoutIsRefused() {
        assertThatThrownBy(() -> ShopSettings.parse("PT0S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void withoutConfigurationOrdersWaitFifteenMinutes() {
        assertThat(new ShopSettings().unpaidTimeout()).isEqualTo(ShopSettings.DEFAULT_UNPAID_TIMEOUT)
                .isEqualTo(Duration.ofMinutes(15));
    }
}
