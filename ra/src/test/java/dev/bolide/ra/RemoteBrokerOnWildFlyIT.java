package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.mdb.DeliveryLog;
import dev.bolide.ra.mdb.OrdersBean;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter in {@code REMOTE} mode on WildFly: a second activation of the same bolide-ra.rar in the
 * resource-adapters subsystem (resource adapter {@code bolide-remote}, src/it/wildfly/configure.cli)
 * with {@code mode=REMOTE} and {@code namesrvAddr} naming a Bolide broker that runs as a process of
 * its own ({@link RemoteBroker}), beside the EMBEDDED activation the other WildFly tests use. Sends
 * and receives go through that activation's XA pool, and a message-driven bean (the Payara suite's
 * {@link OrdersBean}) is bound to it by jboss-ejb3-remote.xml. What is read back is read through the
 * remote broker's name server, where the embedded broker is not registered.
 */
@ExtendWith(ArquillianExtension.class)
class RemoteBrokerOnWildFlyIT {
    private static final String FACTORY = "java:/jms/bolide/remote/ConnectionFactory";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String RUN = " #" + System.currentTimeMillis();

    /**
     * The bean activates on the remote broker when Arquillian deploys this archive, right after this
     * method returns: so the broker is started here, before the deployment, once per test JVM.
     */
    @Deployment
    static WebArchive testArchive() {
        RemoteBroker.ensureRunning();
        return ShrinkWrap.create(WebArchive.class, "remote-it.war")
                .addClasses(OrdersBean.class, DeliveryLog.class, QueueContents.class)
                .addAsWebInfResource("wildfly/jboss-ejb3-remote.xml", "jboss-ejb3.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.bolide-ra.rar\n"));
    }

    @Test
    void aSendThroughTheRemotePoolInACommittedTransactionIsOnTheRemoteBroker() throws Exception {
        String queue = "Remote" + System.nanoTime();

        sendInATransaction(queue, "paid", false);

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("paid"), QueueContents.awaitText(outside, queue, "paid"));
        }
    }

    @Test
    void aSendThroughTheRemotePoolInARolledBackTransactionIsNeverVisible() throws Exception {
        String queue = "Remote" + System.nanoTime();

        sendInATransaction(queue, "cancelled", true);

        try (Connection outside = outsideClient()) {
            assertEquals(List.of(QueueContents.LATER), QueueContents.afterALaterSend(outside, queue));
        }
    }

    @Test
    void aContextOfTheRemotePoolReceivesWhatTheRemoteBrokerHolds() throws Exception {
        String queue = "Remote" + System.nanoTime();
        try (JMSContext outside = new BolideConnectionFactory(remoteNameServer()).createContext()) {
            outside.createProducer().send(outside.createQueue(queue), "sent outside");
        }

        try (JMSContext context = remotePool().createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            assertEquals("sent outside", consumer.receiveBody(String.class, PATIENCE.toMillis()));
        }
    }

    @Test
    void aBeanBoundToTheRemoteActivationReceivesWhatIsSentToTheRemoteBroker() throws Exception {
        String text = "remote order" + RUN;
        try (JMSContext outside = new BolideConnectionFactory(remoteNameServer()).createContext()) {
            outside.createProducer().send(outside.createQueue(OrdersBean.QUEUE), text);
        }

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!DeliveryLog.textsOf(OrdersBean.QUEUE).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "the bean did not get " + text + " within " + PATIENCE);
            Thread.sleep(200);
        }
    }

    /** A send with a context of the remote pool in a transaction of the test's, committed or rolled back. */
    private static void sendInATransaction(String queue, String text, boolean rollback) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        try (JMSContext context = remotePool().createContext()) {
            context.createProducer().send(context.createQueue(queue), text);
        }
        if (rollback) {
            transaction.rollback();
        } else {
            transaction.commit();
        }
    }

    private static ConnectionFactory remotePool() throws NamingException {
        return InitialContext.doLookup(FACTORY);
    }

    /** Set for WildFly by arquillian.xml: the port the build reserved for the remote broker's name server. */
    private static String remoteNameServer() {
        return "127.0.0.1:" + System.getProperty("bolide.it.remoteNameServerPort");
    }

    /** A plain Bolide client of the remote broker, outside the pool and the container's transactions. */
    private static Connection outsideClient() throws JMSException {
        return new BolideConnectionFactory(remoteNameServer()).createConnection();
    }
}
