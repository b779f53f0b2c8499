package dev.bolide.client.jms.xa;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.XAConnection;
import javax.transaction.xa.Xid;

/**
 * The child JVM of the transaction manager crash test: a Narayana transaction with three resources,
 * the first of which blocks in its commit after printing {@value #PREPARED}, so that the JVM holds a
 * transaction every resource prepared and none committed, to be killed there.
 *
 * <p>Arguments: object store directory, name server, topic, H2 URL, order id.
 */
public final class PreparedTransactionHolder {
    static final String PREPARED = "PREPARED";

    private PreparedTransactionHolder() {
    }

    public static void main(String[] args) throws Exception {
        TransactionManager transactions = Narayana.transactionManager(Path.of(args[0]));
        String nameServer = args[1];
        transactions.begin();
        Transaction transaction = transactions.getTransaction();
        transaction.enlistResource(new BlockingCommit(true));
        BolideXAResource bolide = new BolideXAResource(new RocketMqClient(ClientSettings.of(nameServer)), nameServer);
        transaction.enlistResource(bolide);
        bolide.sendInBranch(OutgoingMessage.of(args[2], args[4].getBytes(StandardCharsets.UTF_8), Map.of()), null);
        XAConnection h2 = new OrdersTable(args[3]).xaConnection();
        transaction.enlistResource(h2.getXAResource());
        OrdersTable.insert(h2, args[4]);
        transactions.commit();
        throw new IllegalStateException("the commit returned: the blocking resource did not block");
    }

    /**
     * A resource enlisted first, so committed first: it blocks there in the child JVM. Narayana logs it
     * serialized; recovery in another JVM finds it with {@code block} false and commits it at once.
     */
    static final class BlockingCommit extends IdleXAResource implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient boolean block;

        BlockingCommit(boolean block) {
            this.block = block;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) {
            if (block) {
                System.out.println(PREPARED);
                System.out.flush();
                // holding the commit forever is the point: the parent kills this JVM mid-commit
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
