package dev.bolide.broker.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A consumer starting with a JMS selector learns at once whether the broker can serve it. */
class CheckClientConfigProcessorTest {
    @Test
    void acceptsAValidJmsSelectorWhenPropertyFilteringIsOn() {
        assertThat(check(true, "JMSPriority > 4 AND color LIKE 'b%'").code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void refusesAnInvalidJmsSelectorAsAParseFailure() {
        RemotingCommand response = check(true, "color LIKE 'b!' ESCAPE '!'");

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(response.remark()).contains("the escape character ends the pattern");
    }

    @Test
    void refusesJmsSelectorsWhenPropertyFilteringIsOff() {
        RemotingCommand response = check(false, "a = 1");

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("enablePropertyFilter=false");
    }

    private static RemotingCommand check(boolean propertyFilterEnabled, String selector) {
        String body = "{\"group\":\"CG\",\"subscriptionData\":{\"topic\":\"T\",\"expressionType\":\"JMS\","
                + "\"subString\":\"" + selector + "\"}}";
        RemotingCommand request = RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG, 1, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
        return new CheckClientConfigProcessor(new SubscriptionFilters(propertyFilterEnabled))
                .process(new EmbeddedChannel(), request).join();
    }
}
