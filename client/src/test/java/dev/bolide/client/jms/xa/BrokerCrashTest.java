package dev.bolide.client.jms.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A branch prepared, the broker killed with {@code kill -9} before the commit, restarted: still prepared, committed once. */
class BrokerCrashTest {
    @TempDir
    Path dir;

    @Test
    void aPreparedBranchOutlivesABrokerKillAndIsCommittedOnce() throws Exception {
        try (BrokerChild broker = BrokerChild.start(dir); XaCluster cluster = XaCluster.elsewhere(broker.nameServer())) {
            cluster.newTopic();
            BolideXAResource resource = cluster.newResource();
            Xid xid = TestXid.next();
            resource.start(xid, TMNOFLAGS);
            resource.sendInBranch(cluster.message("order"), null);
            resource.end(xid, TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);

            broker.killNine();
            broker.restart();

            BolideXAResource afterRestart = cluster.newResource(broker.nameServer().replace("127.0.0.1", "localhost"));
            assertThat(afterRestart.recover(TMSTARTRSCAN | TMENDRSCAN)).containsExactly(xid);
            afterRestart.commit(xid, false);
            assertThat(cluster.deliveredUpToMarker()).containsExactly("order");
            assertThat(afterRestart.recover(TMSTARTRSCAN | TMENDRSCAN)).isEmpty();
        }
    }
}
