package dev.bolide.protocol.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

class BranchIdTest {
    /** An Xid of a transaction manager's own class. */
    private record ForeignXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier)
            implements Xid {
    }

    @Test
    void anXidIsFormattedAsFormatIdAndLowerCaseHex() {
        Xid xid = new ForeignXid(4660, new byte[] {0x0a, (byte) 0xff}, new byte[] {1});

        assertThat(BranchId.format(xid)).isEqualTo("4660:0aff:01");
    }

    @Test
    void theTextIsReadBackAsAnEqualXid() {
        BranchId original = BranchId.of(-1, new byte[] {1, 2, 3}, new byte[0]);

        BranchId parsed = BranchId.parse(original.text());

        assertThat(parsed).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(parsed.getFormatId()).isEqualTo(-1);
        assertThat(parsed.getGlobalTransactionId()).containsExactly(1, 2, 3);
        assertThat(parsed.getBranchQualifier()).isEmpty();
    }

    @Test
    void malformedTextIsRefusedWithTheText() {
        assertThatIllegalArgumentException().isThrownBy(() -> BranchId.parse("1:02")).withMessageContaining("1:02");
        assertThatIllegalArgumentException().isThrownBy(() -> BranchId.parse("x:02:03")).withMessageContaining("x:02:03");
        assertThatIllegalArgumentException().isThrownBy(() -> BranchId.parse("1:0g:03")).withMessageContaining("1:0g:03");
    }

    @Test
    void theBranchesOfTransactedSessionsAndOfTheAdaptersLocalTransactionsAreLocal() {
        assertThat(BranchId.of(BranchId.LOCAL_FORMAT_ID, new byte[] {1}, new byte[] {1}).isLocal()).isTrue();
        assertThat(BranchId.of(BranchId.ADAPTER_LOCAL_FORMAT_ID, new byte[] {1}, new byte[] {1}).isLocal()).isTrue();
        assertThat(BranchId.of(4660, new byte[] {1}, new byte[] {1}).isLocal()).isFalse();
    }

    @Test
    void idsLongerThanXaAllowsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BranchId.of(1, new byte[65], new byte[1]))
                .withMessageContaining("64 bytes");
    }
}
