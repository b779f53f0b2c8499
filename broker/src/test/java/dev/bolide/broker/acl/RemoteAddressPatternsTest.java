package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The address patterns of plain_acl.yml, as RocketMQ 4.9's RemoteAddressStrategyFactory reads them. */
class RemoteAddressPatternsTest {
    @Test
    void blankMatchesNothingAndAStarEverything() {
        assertThat(RemoteAddressPatterns.parse("").matches("127.0.0.1")).isFalse();
        assertThat(RemoteAddressPatterns.parse(null).matches("127.0.0.1")).isFalse();
        assertThat(RemoteAddressPatterns.parse("*").matches("10.1.2.3")).isTrue();
        assertThat(RemoteAddressPatterns.parse("*.*.*.*").matches("::1")).isTrue();
    }

    @Test
    void oneAddressMatchesItselfInAnySpelling() {
        assertThat(RemoteAddressPatterns.parse("192.168.0.1").matches("192.168.0.1")).isTrue();
        assertThat(RemoteAddressPatterns.parse("192.168.0.1").matches("192.168.0.10")).isFalse();
        assertThat(RemoteAddressPatterns.parse("::1").matches("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void setsAreListedOrBraced() {
        RemoteAddressPattern braced = RemoteAddressPatterns.parse("192.168.1.{1,2}");
        RemoteAddressPattern listed = RemoteAddressPatterns.parse("10.0.0.1,10.0.0.2");

        assertThat(braced.matches("192.168.1.2")).isTrue();
        assertThat(braced.matches("192.168.1.3")).isFalse();
        assertThat(listed.matches("10.0.0.2")).isTrue();
        assertThat(listed.matches("10.0.0.3")).isFalse();
    }

    @Test
    void aRangeLooksAtTheComponentWithTheStarOrDash() {
        RemoteAddressPattern star = RemoteAddressPatterns.parse("192.168.*");
        RemoteAddressPattern dash = RemoteAddressPatterns.parse("192.168.1-10.*");

        assertThat(star.matches("192.168.200.7")).isTrue();
        assertThat(star.matches("192.169.0.1")).isFalse();
        assertThat(dash.matches("192.168.10.1")).isTrue();
        assertThat(dash.matches("192.168.11.1")).isFalse();
        assertThat(dash.matches("192.168.100.1")).isFalse();
    }

    @Test
    void whatCannotBeReadIsRefusedNotGuessed() {
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAddressPatterns.parse("localhost"));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAddressPatterns.parse("192.168.1.300"));
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAddressPatterns.parse("192.168.9-3.*"))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> RemoteAddressPatterns.parse("fe80::1-2"))
                .withMessageContaining("IPv6");
    }
}
