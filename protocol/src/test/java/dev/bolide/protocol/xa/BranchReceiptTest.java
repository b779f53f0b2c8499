package dev.bolide.protocol.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BranchReceiptTest {
    @Test
    void receiptsGoAsOneTextAndComeBackEqual() {
        List<BranchReceipt> receipts = List.of(new BranchReceipt("BOLIDE_Q_orders", "orders", 3, 17),
                new BranchReceipt("BOLIDE_Q_orders", "%RETRY%BOLIDE_Q_orders", 0, 2));

        String text = BranchReceipt.format(receipts);

        assertThat(text).isEqualTo("BOLIDE_Q_orders,orders,3,17;BOLIDE_Q_orders,%RETRY%BOLIDE_Q_orders,0,2");
        assertThat(BranchReceipt.parse(text)).isEqualTo(receipts);
    }

    @Test
    void noTextIsNoReceipts() {
        assertThat(BranchReceipt.parse(null)).isEmpty();
        assertThat(BranchReceipt.parse("")).isEmpty();
        assertThat(BranchReceipt.format(List.of())).isEmpty();
    }

    @Test
    void aMalformedReceiptIsRefused() {
        assertThatThrownBy(() -> BranchReceipt.parse("group,topic,1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group,topic,queueId,offset");
        assertThatThrownBy(() -> BranchReceipt.parse("group,topic,one,2")).isInstanceOf(IllegalArgumentException.class);
    }
}
