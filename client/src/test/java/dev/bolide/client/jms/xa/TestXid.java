package dev.bolide.client.jms.xa;

import dev.bolide.protocol.xa.BranchId;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.Xid;

/** Xids of a transaction manager of the tests' own: each new one differs. */
final class TestXid {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestXid() {
    }

    static Xid next() {
        int n = SEQUENCE.incrementAndGet();
        return BranchId.of(0x4243, new byte[] {(byte) (n >> 8), (byte) n, 7}, new byte[] {1});
    }
}
