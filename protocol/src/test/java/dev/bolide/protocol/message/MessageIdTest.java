package dev.bolide.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MessageIdTest {
    private final InetSocketAddress storeHost = new InetSocketAddress("192.168.0.1", 10911);

    @Test
    void encodesStoreHostAndOffsetAsUpperCaseHex() {
        assertThat(MessageId.offsetMessageId(storeHost, 1234)).isEqualTo("C0A8000100002A9F00000000000004D2");
    }

    @Test
    void decodesWhatItEncodes() {
        String id = MessageId.offsetMessageId(storeHost, 987654321L);

        assertThat(MessageId.physicalOffset(id)).isEqualTo(987654321L);
        assertThat(MessageId.storeHost(id)).isEqualTo(storeHost);
    }

    @Test
    void rejectsAStringOfTheWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.physicalOffset("C0A80001"));
    }
}
