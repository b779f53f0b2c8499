package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import javax.naming.InitialContext;
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
 * every test here runs against an adapter redeployed in the same server. Assertions are JUnit's:
 * the in-container methods run in the server, where only JUnit is packaged with the test.
 */
@ExtendWith(ArquillianExtension.class)
class BolideRarOnPayaraIT {
    @Deployment
    static WebArchive testArchive() {
        return ShrinkWrap.create(WebArchive.class, "ra-it.war")
                .addClasses(OrdersDestinations.class, OpenFiles.class, RocketMqRoundTrip.class);
    }

    @Test
    @RunAsClient
    void theEmbeddedBrokerServesARocketMqClientOutsideTheServer() {
        String topic = "Orders" + System.nanoTime();
        try (RocketMqRoundTrip client = new RocketMqRoundTrip("127.0.0.1:" + System.getProperty("bolide.it.nameServerPort"))) {
            SendResult sent = client.send(topic, "first order");

            assertEquals(List.of("first order"), client.pullFromQueueOf(sent));
        }
    }

    @Test
    @RunAsClient
    void theStoreIsInTheConfiguredDirectory() {
        Path store = Path.of(System.getProperty("it.directory"), "store");

        assertTrue(Files.isDirectory(store.resolve("commitlog")), store + " has no commitlog");
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
}
