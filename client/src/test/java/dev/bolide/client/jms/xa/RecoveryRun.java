package dev.bolide.client.jms.xa;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import java.nio.file.Path;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh JVM recovering what a crashed one left in the object store: Narayana's recovery manager
 * with a helper giving a new Bolide XAResource and a new H2 one, two scans, then exit 0.
 *
 * <p>Arguments: object store directory, name server, H2 URL.
 */
public final class RecoveryRun {
    private RecoveryRun() {
    }

    public static void main(String[] args) throws Exception {
        Narayana.transactionManager(Path.of(args[0]));
        String nameServer = args[1];
        RocketMqClient client = new RocketMqClient(ClientSettings.of(nameServer));
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(args[2]);
        XAConnection h2 = database.getXAConnection();
        XAResource[] resources = {new BolideXAResource(client, nameServer), h2.getXAResource()};

        RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        XARecoveryModule.getRegisteredXARecoveryModule().addXAResourceRecoveryHelper(new XAResourceRecoveryHelper() {
            @Override
            public boolean initialise(String parameter) {
                return true;
            }

            @Override
            public XAResource[] getXAResources() {
                return resources;
            }
        });
        // the first scan finds the branches and the log, the second finishes what the first began
        manager.scan();
        manager.scan();
        manager.terminate();
        h2.close();
        client.close();
        System.out.println("RECOVERED");
        System.exit(0);
    }
}
