package dev.bolide.bench.jms;

import jakarta.transaction.TransactionManager;
import java.nio.file.Path;

/**
 * Narayana's standalone transaction manager, its log (object store) under the run's scratch
 * directory. Narayana reads its settings once, on first use: configure before anything else of
 * it runs.
 */
final class XaTransactions {
    private XaTransactions() {
    }

    static TransactionManager manager(Path objectStore) {
        String directory = objectStore.toAbsolutePath().toString();
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", directory);
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", directory);
        // one transaction manager on this machine: any fixed node name will do, but Narayana warns without one
        System.setProperty("CoreEnvironmentBean.nodeIdentifier", "jms-harness");
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
