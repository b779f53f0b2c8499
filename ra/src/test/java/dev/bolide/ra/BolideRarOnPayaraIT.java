package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.ra.outbound.BolideManagedConnectionFactory;
import jakarta.ejb.EJBException;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.spi.ManagedConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * target/bolide-ra.rar in Payara Micro, EMBEDDED mode. The postboot command file (src/it/payara)
 * configures the adapter, deploys it, undeploys it and deploys it again before the test archive, so
 * every test here runs against an adapter redeployed in the same server. The outbound tests send
 * through {@link OrderSender}'s pooled connection factories in container transactions and look at
 * the queue with a plain Bolide client, outside the pool and the transaction. Assertions are JUnit's:
 * the in-container methods run in the server, where only JUnit is packaged with the test.
 */
@ExtendWith(ArquillianExtension.class)
class BolideRarOnPayaraIT {
    @Deployment
    static WebArchive testArchive() {
        return ShrinkWrap.create(WebArchive.class, "ra-it.war")
                .addClasses(OrdersDestinations.class, OpenFiles.class, RocketMqRoundTrip.class, OrderSender.class,
                        QueueContents.class);
    }

    @Test
    @RunAsClient
    void theEmbeddedBrokerServesARocketMqClientOutsideTheServer() {
        String topic = "Orders" + System.nanoTime();
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(embeddedNameServer())) {
            SendResult sent = client.send(topic, "first order");

            assertEquals(List.of("first order"), client.pullFromQueueOf(sent));
        }
    }

    @Test
    @RunAsClient
    void theStoreIsInTheConfiguredDirectory() throws Exception {
        String marker = "stored where configured " + System.nanoTime();
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(embeddedNameServer())) {
            client.send("Orders", marker);
        }

        Path commitLog = Path.of(System.getProperty("it.directory"), "store", "commitlog");
        assertTrue(holds(commitLog, marker), commitLog + " does not hold the message just sent");
    }

    /** Whether a file of {@code directory} holds {@code text}: the broker writes through a shared mapping, which reads of the file see before any flush. */
    private static boolean holds(Path directory, String text) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String embeddedNameServer() {
        return "127.0.0.1:" + System.getProperty("bolide.it.nameServerPort");
    }

    @Test
    void theAdministeredQueueHasTheConfiguredName() throws Exception {
        Queue queue = InitialContext.doLookup("java:app/jms/Orders");

        assertEquals("Orders", queue.getQueueName());
        assertEquals("dev.bolide.ra.admin.AdministeredQueue", queue.getClass().getName());
    }

    @Test
    void theAdministeredTopicHasTheConfiguredName() throws Exception {
        Topic topic = InitialContext.doLookup("java:app/jms/Prices");

        assertEquals("Prices", topic.getTopicName());
    }

    /**
     * Payara Micro has no Netty, so the adapter's comes from the rar. (Its jackson-core, unlike Netty,
     * is shadowed: Payara Micro's own 2.20 is found first; Jackson keeps minor versions compatible.)
     */
    @Test
    void theAdapterRunsOnTheNettyOfTheRar() throws Exception {
        Queue queue = InitialContext.doLookup("java:app/jms/Orders");

        String nettyJar = jarOf(queue.getClass().getClassLoader(), "io.netty.channel.Channel");

        assertTrue(nettyJar.contains("bolide-ra"), nettyJar);
    }

    private static String jarOf(ClassLoader loader, String className) throws ClassNotFoundException {
        return loader.loadClass(className).getProtectionDomain().getCodeSource().getLocation().toString();
    }

    @Test
    void afterRedeployEachStoreFileIsOpenOnlyOnce() throws Exception {
        List<String> open = OpenFiles.under(Path.of(System.getProperty("bolide.it.storeDir")));

        assertFalse(open.isEmpty(), "the running broker has its store open");
        assertEquals(open.size(), new HashSet<>(open).size(), "a store file is open twice: " + open);
    }

    @Test
    void afterRedeployOnlyOneBrokerAndOneNameServerAccept() {
        long acceptors = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("bolide-remoting-accept")).count();

        assertEquals(2, acceptors);
    }

    @Test
    void theConnectionFactoryIsTheAdaptersInJndi() throws Exception {
        Object factory = InitialContext.doLookup("java:app/jms/ShopFactory");

        assertTrue(factory instanceof ConnectionFactory, factory.getClass().getName());
        assertEquals("dev.bolide.ra.outbound.ContainerConnectionFactory", factory.getClass().getName());
    }

    @Test
    void aSendInACommittedContainerTransactionIsVisibleOutside() throws Exception {
        String queue = "Orders" + System.nanoTime();

        sender().send(queue, "paid");

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("paid"), QueueContents.awaitText(outside, queue, "paid"));
        }
    }

    @Test
    void aSendInATransactionSetRollbackOnlyIsNeverVisible() throws Exception {
        String queue = "Orders" + System.nanoTime();

        sender().sendAndSetRollbackOnly(queue, "cancelled");

        assertOnlyALaterSendArrives(queue);
    }

    @Test
    void aSendInATransactionRolledBackByAnExceptionIsNeverVisible() throws Exception {
        String queue = "Orders" + System.nanoTime();

        EJBException failure = assertThrows(EJBException.class, () -> sender().sendAndFail(queue, "unpaid"));
        assertTrue(causedBy(failure, "could not be paid"), "not the bean's own failure: " + failure);

        assertOnlyALaterSendArrives(queue);
    }

    @Test
    void aJmsContextOfAMessagingFactoryDefinitionSends() throws Exception {
        String queue = "Orders" + System.nanoTime();

        sender().sendWithContext(queue, "by context");

        try (Connection outside = outsideClient()) {
            assertEquals(List.of("by context"), QueueContents.awaitText(outside, queue, "by context"));
        }
    }

    /**
     * What Payara's recovery does through the pool: a managed connection with no request info lists,
     * with {@code recover}, a branch that a separate client (another managed connection, destroyed
     * since) prepared; committing it through the recovering connection delivers the message.
     */
    @Test
    void aManagedConnectionWithNoRequestInfoRecoversABranchASeparateClientPrepared() throws Exception {
        String queue = "Orders" + System.nanoTime();
        Xid xid = BranchId.of(4712, ("it" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII), new byte[] {1});
        BolideManagedConnectionFactory factory = new BolideManagedConnectionFactory();
        factory.setNameServers(embeddedNameServer());
        prepareSend(factory.createManagedConnection(null, null), xid, queue, "recovered");

        ManagedConnection recovering = factory.createManagedConnection(null, null);
        try {
            Xid[] prepared = recovering.getXAResource().recover(XAResource.TMSTARTRSCAN);
            assertTrue(Stream.of(prepared).map(BranchId::format).anyMatch(BranchId.format(xid)::equals),
                    "recover did not list the prepared branch");
            recovering.getXAResource().commit(xid, false);
        } finally {
            recovering.destroy();
        }
        try (Connection outside = outsideClient()) {
            assertEquals(List.of("recovered"), QueueContents.awaitText(outside, queue, "recovered"));
        }
    }

    private static void prepareSend(ManagedConnection separate, Xid xid, String queue, String text)
            throws Exception {
        try {
            XAResource resource = separate.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            Session session = ((Connection) separate.getConnection(null, null)).createSession();
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
        } finally {
            separate.destroy();
        }
    }

    /** Once a later message sent at once is readable, the queue holds it alone. */
    private static void assertOnlyALaterSendArrives(String queue) throws Exception {
        try (Connection outside = outsideClient()) {
            assertEquals(List.of(QueueContents.LATER), QueueContents.afterALaterSend(outside, queue));
        }
    }

    private static boolean causedBy(Throwable failure, String message) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains(message)) {
                return true;
            }
        }
        return false;
    }

    private static OrderSender sender() throws NamingException {
        return InitialContext.doLookup("java:module/OrderSender");
    }

    /** A plain Bolide client of the embedded broker: outside the pool and the container's transactions. */
    private static Connection outsideClient() throws JMSException {
        return new BolideConnectionFactory(embeddedNameServer()).createConnection();
    }
}
