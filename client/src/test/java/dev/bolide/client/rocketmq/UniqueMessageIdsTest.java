package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueMessageIdsTest {
    @Test
    void idsAreRocketMqShapedAndStartWithTheClientAddress() {
        String id = UniqueMessageIds.next();

        assertThat(id).hasSize(32).matches("[0-9A-F]+")
                .startsWith(HexFormat.of().withUpperCase().formatHex(LocalAddress.IPV4.getAddress()));
    }

    @Test
    void consecutiveIdsDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(UniqueMessageIds.next());
        }

        assertThat(ids).hasSize(10_000);
    }
}
