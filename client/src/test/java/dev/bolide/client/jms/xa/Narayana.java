package dev.bolide.client.jms.xa;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.util.List;

/**
 * Narayana standalone as the tests' transaction manager. Its settings are JVM-wide singletons read at
 * first use, so a JVM configures it once, with one object store (under {@code target/}).
 */
public final class Narayana {
    static final String NODE = "bolide-xa-tests";

    private Narayana() {
    }

    public static TransactionManager transactionManager(Path objectStore) throws CoreEnvironmentBeanException {
        String dir = objectStore.toAbsolutePath().toString();
        for (String store : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean bean = store == null
                    ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, store);
            bean.setObjectStoreDir(dir);
        }
        BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier(NODE);
        BeanPopulator.getDefaultInstance(JTAEnvironmentBean.class).setXaRecoveryNodes(List.of(NODE));
        // recovery passes a second apart instead of ten, so that a recovery scan ends quickly
        BeanPopulator.getDefaultInstance(RecoveryEnvironmentBean.class).setRecoveryBackoffPeriod(1);
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
