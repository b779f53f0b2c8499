package dev.bolide.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.selector.ExpressionType;
import org.junit.jupiter.api.Test;

/** Which subscriptions the broker serves: JMS selectors under the same rule as SQL92. */
class SubscriptionFiltersTest {
    @Test
    void jmsSelectorsAreServedWhenPropertyFilteringIsOn() {
        assertThatCode(() -> new SubscriptionFilters(true).check(ExpressionType.JMS, "a LIKE 'x%' AND b * 2 > 1"))
                .doesNotThrowAnyException();
        assertThatCode(() -> new SubscriptionFilters(true).check(ExpressionType.JMS, ""))
                .as("an empty JMS selector selects everything").doesNotThrowAnyException();
    }

    @Test
    void jmsSelectorsAreRefusedWhenPropertyFilteringIsOff() {
        assertThatThrownBy(() -> new SubscriptionFilters(false).check(ExpressionType.JMS, "a = 1"))
                .isInstanceOfSatisfying(FilterRefusedException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                .hasMessageContaining("JMS (enablePropertyFilter=false)");
    }

    @Test
    void anInvalidJmsSelectorIsAParseFailureWithTheReason() {
        assertThatThrownBy(() -> new SubscriptionFilters(true).check(ExpressionType.JMS, "JMSExpiration > 0"))
                .isInstanceOfSatisfying(FilterRefusedException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED))
                .hasMessageContaining("the JMS expression [JMSExpiration > 0] does not compile")
                .hasMessageContaining("not a header field");
    }

    @Test
    void theSameTextIsCompiledPerDialect() throws FilterRefusedException {
        SubscriptionFilters filters = new SubscriptionFilters(true);
        filters.check(ExpressionType.JMS, "a + 1 > 2");
        assertThatThrownBy(() -> filters.check(ExpressionType.SQL92, "a + 1 > 2"))
                .isInstanceOf(FilterRefusedException.class).hasMessageContaining("SQL92 expression");
    }
}
