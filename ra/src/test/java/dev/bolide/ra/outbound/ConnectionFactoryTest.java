package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.jms.SendOrder;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.InvalidPropertyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;

/** The factory an application sees, used here outside a server (one managed connection per connection). */
class ConnectionFactoryTest extends OutboundTestBase {
    @Test
    void theFactoryIsAllThreeKindsSerializableAndReferenceable() {
        Object connectionFactory = factory.createConnectionFactory();

        assertThat(connectionFactory).isInstanceOf(ConnectionFactory.class).isInstanceOf(QueueConnectionFactory.class)
                .isInstanceOf(TopicConnectionFactory.class).isInstanceOf(Serializable.class)
                .isInstanceOf(Referenceable.class);
    }

    @Test
    void theFactoryKeepsTheReferenceTheServerSets() {
        ContainerConnectionFactory connectionFactory = (ContainerConnectionFactory) factory.createConnectionFactory();
        Reference reference = new Reference(ConnectionFactory.class.getName());

        connectionFactory.setReference(reference);

        assertThat(connectionFactory.getReference()).isSameAs(reference);
    }

    @Test
    void theFactorySurvivesSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory.createConnectionFactory());
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isInstanceOf(ContainerConnectionFactory.class);
        }
    }

    @Test
    void aQueueConnectionSends() throws Exception {
        QueueConnectionFactory connectionFactory = (QueueConnectionFactory) factory.createConnectionFactory();
        String queue = fresh("Orders");

        try (QueueConnection connection = connectionFactory.createQueueConnection("shop", "secret")) {
            send(connection, queue, "queue connection");
        }

        assertThat(awaitBrowsed(queue, "queue connection")).containsExactly("queue connection");
    }

    @Test
    void aContextSends() throws Exception {
        ConnectionFactory connectionFactory = (ConnectionFactory) factory.createConnectionFactory();
        String queue = fresh("Orders");

        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(context.createQueue(queue), "context");
        }

        assertThat(awaitBrowsed(queue, "context")).containsExactly("context");
    }

    @Test
    void closingAnUnpooledConnectionClosesItsBolideConnection() throws Exception {
        ConnectionFactory connectionFactory = (ConnectionFactory) factory.createConnectionFactory();
        ContainerConnection connection = (ContainerConnection) connectionFactory.createConnection();

        connection.close();

        assertThat(connection.managedConnection().connection().isClosed()).isTrue();
    }

    @Test
    void aBadRequestTimeoutIsNamed() {
        BolideManagedConnectionFactory bad = new BolideManagedConnectionFactory();
        bad.setNameServers("127.0.0.1:9876");
        bad.setRequestTimeout(0L);

        assertThatThrownBy(() -> bad.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void aSessionsMessagesKeepTheirOrderUnlessTheFactorySpreadsThem() throws Exception {
        BolideManagedConnectionFactory spreading = new BolideManagedConnectionFactory();
        spreading.setResourceAdapter(adapter);
        spreading.setSendOrder("spread");

        assertThat(managedConnection().connection().settings().sendOrder()).isEqualTo(SendOrder.PER_SESSION);
        assertThat(managedConnection(spreading, ConnectionRequest.DEFAULT).connection().settings().sendOrder())
                .isEqualTo(SendOrder.SPREAD);
    }

    @Test
    void aBadSendOrderIsNamed() {
        BolideManagedConnectionFactory bad = new BolideManagedConnectionFactory();
        bad.setNameServers("127.0.0.1:9876");
        bad.setSendOrder("ROUND_ROBIN");

        assertThatThrownBy(() -> bad.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("sendOrder").hasMessageContaining("SPREAD");
    }

    @Test
    void withoutNameServersOrAdapterTheFactorySaysSo() {
        BolideManagedConnectionFactory alone = new BolideManagedConnectionFactory();

        assertThatThrownBy(() -> alone.createManagedConnection(null, null)).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("nameServers");
    }

    @Test
    void factoriesWithTheSamePropertiesAreEqual() {
        BolideManagedConnectionFactory one = new BolideManagedConnectionFactory();
        BolideManagedConnectionFactory two = new BolideManagedConnectionFactory();
        one.setNameServers("127.0.0.1:9876");
        two.setNameServers("127.0.0.1:9876");

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    }

    @Test
    void factoriesWithOtherPropertiesDiffer() {
        BolideManagedConnectionFactory one = new BolideManagedConnectionFactory();
        BolideManagedConnectionFactory two = new BolideManagedConnectionFactory();
        BolideManagedConnectionFactory three = new BolideManagedConnectionFactory();
        two.setMaxRedeliveries(3);
        three.setSendOrder(SendOrder.SPREAD.name());

        assertThat(one).isNotEqualTo(two).isNotEqualTo(three);
    }
}
