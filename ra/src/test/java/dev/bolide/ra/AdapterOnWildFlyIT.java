package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.sql.SQLException;
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
 * target/bolide-ra.rar in WildFly (standalone-full.xml), EMBEDDED mode, configured by the
 * repository's src/main/wildfly/bolide-ra.cli (profile wildfly). The tests run in the server: they
 * send through the XA pool the script declares, in container transactions, and look at the queue with
 * a plain Bolide client outside the pool and the transaction (message-driven beans:
 * MessageDrivenBeansOnWildFlyIT; REMOTE mode: RemoteBrokerOnWildFlyIT). {@link PaymentLedger} puts a
 * row of an XA datasource on WildFly's H2 and a Bolide send in one transaction. Assertions are
 * JUnit's, the only test library packaged with the archive.
 *
 * <p>WildFly activates a new instance of the adapter for each {@code @ConnectionFactoryDefinition}
 * and {@code @JMSConnectionFactoryDefinition} naming it (OrderSender's), with ra.xml's defaults: in
 * EMBEDDED mode each uses the embedded broker the script's instance started on the same store
 * (EmbeddedBrokers), instead of starting one of its own.
 */
@ExtendWith(ArquillianExtension.class)
class AdapterOnWildFlyIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * Beans of the Payara tests, with the adapter's classes (the in-container tests' plain client)
     * through a module dependency on the rar's deployment.
     */
    @Deployment
    static WebArchive testArchive() {
        return ShrinkWrap.create(WebArchive.class, "wildfly-it.war")
                .addClasses(PoolSender.class, OrderSender.class, QueueContents.class, PaymentLedger.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.bolide-ra.rar\n"));
    }

    @Test
    void theScriptsFactoryAndDestinationsAreTheAdaptersInJndi() throws Exception {
        Object factory = InitialContext.doLookup(PoolSender.FACTORY);
        Queue orders = InitialContext.doLookup("java:/jms/bolide/queue/Orders");
        Topic prices = InitialContext.doLookup("java:/jms/bolide/topic/Prices");

        assertTrue(factory instanceof ConnectionFactory, factory.getClass().getName());
        assertEquals("dev.bolide.ra.outbound.ContainerConnectionFactory", factory.getClass().getName());
        assertEquals("Orders", orders.getQueueName());
        assertEquals("Prices", prices.getTopicName());
    }

    @Test
    void aContextOfTheScriptsPoolSendsInACommittedTransaction() throws Exception {
        String queue = "Orders" + System.nanoTime();

        poolSender().send(queue, "paid", false);

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("paid"), QueueContents.awaitText(outside, queue, "paid"));
        }
    }

    @Test
    void aContextOfTheScriptsPoolInATransactionSetRollbackOnlyIsNeverVisible() throws Exception {
        String queue = "Orders" + System.nanoTime();

        poolSender().send(queue, "cancelled", true);

        assertOnlyALaterSendArrives(queue);
    }

    @Test
    void anInjectedContextOfTheScriptsPoolSends() throws Exception {
        String queue = "Orders" + System.nanoTime();

        poolSender().sendInjected(queue, "by injection", false);

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("by injection"), QueueContents.awaitText(outside, queue, "by injection"));
        }
    }

    /** WildFly's injected context joins the container's transaction: its send rolls back with it. */
    @Test
    void anInjectedContextOfTheScriptsPoolInATransactionSetRollbackOnlyIsNeverVisible() throws Exception {
        String queue = "Orders" + System.nanoTime();

        poolSender().sendInjected(queue, "injected, cancelled", true);

        assertOnlyALaterSendArrives(queue);
    }

    /** The script's broker holds what the definition's factory sent: one embedded broker for both instances. */
    @Test
    void aFactoryTheApplicationDefinesSendsAndReceivesThroughTheScriptsBroker() throws Exception {
        String queue = "Defined" + System.nanoTime();

        orderSender().send(queue, "defined");

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("defined"), QueueContents.awaitText(outside, queue, "defined"));
        }
        ConnectionFactory defined = InitialContext.doLookup("java:app/jms/ShopFactory");
        try (Connection connection = defined.createConnection()) {
            connection.start();
            Session session = connection.createSession();
            Message received = session.createConsumer(session.createQueue(queue)).receive(PATIENCE.toMillis());
            assertEquals("defined", received == null ? null : received.getBody(String.class));
        }
    }

    @Test
    void aFactoryTheApplicationDefinesWithMessagingsAnnotationSends() throws Exception {
        String queue = "Defined" + System.nanoTime();

        orderSender().sendWithContext(queue, "by context");

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("by context"), QueueContents.awaitText(outside, queue, "by context"));
        }
    }

    /** Narayana with two XA resources, H2's and Bolide's: the row and the message. */
    @Test
    void aRowAndASendInOneCommittedTransactionAreBothVisible() throws Exception {
        String id = "payment" + System.nanoTime();
        String queue = "Ledger" + System.nanoTime();
        PaymentLedger ledger = ledger();

        ledger.pay(id, queue, false);

        assertTrue(ledger.recorded(id), "the committed row is missing");
        try (Connection outside = outsideClient()) {
            assertEquals(List.of(id), QueueContents.awaitText(outside, queue, id));
        }
    }

    @Test
    void aRowAndASendInATransactionSetRollbackOnlyAreNeitherVisible() throws Exception {
        String id = "payment" + System.nanoTime();
        String queue = "Ledger" + System.nanoTime();
        PaymentLedger ledger = ledger();

        ledger.pay(id, queue, true);

        assertFalse(ledger.recorded(id), "the rolled back row is there");
        assertOnlyALaterSendArrives(queue);
    }

    /** Once a later message sent at once is readable, the queue holds it alone. */
    private static void assertOnlyALaterSendArrives(String queue) throws Exception {
        try (Connection outside = outsideClient()) {
            assertEquals(List.of(QueueContents.LATER), QueueContents.afterALaterSend(outside, queue));
        }
    }

    private static PoolSender poolSender() throws NamingException {
        return InitialContext.doLookup("java:module/PoolSender");
    }

    /** The ledger bean, its table created if missing. */
    private static PaymentLedger ledger() throws NamingException, SQLException {
        PaymentLedger ledger = InitialContext.doLookup("java:module/PaymentLedger");
        ledger.createTable();
        return ledger;
    }

    private static OrderSender orderSender() throws NamingException {
        return InitialContext.doLookup("java:module/OrderSender");
    }

    private static String nameServer() {
        return "127.0.0.1:" + System.getProperty("bolide.it.nameServerPort");
    }

    /** A plain Bolide client of the embedded broker: outside the pool and the container's transactions. */
    private static Connection outsideClient() throws JMSException {
        return new BolideConnectionFactory(nameServer()).createConnection();
    }
}
