package dev.bolide.ra.inbound;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.metrics.AdapterMetrics;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAResource;

/**
 * One activated message-driven endpoint: a connection of its own, {@link ActivationSettings#sessions()}
 * sessions with one consumer each, and a {@link DeliveryWork} per session on the server's WorkManager.
 * {@link #close()} lets every work finish the message in hand, then closes the connection, which
 * hands what was received and not acknowledged back to the group for the next activation.
 */
public final class EndpointActivation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EndpointActivation.class.getName());
    /** How long deactivation waits for an onMessage in progress. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final MessageEndpointFactory factory;
    private final XAConnection connection;
    private final List<DeliveryWork> works = new ArrayList<>();
    /** The closing party and every work not ended yet. */
    private final Phaser running = new Phaser(1);

    private EndpointActivation(MessageEndpointFactory factory, XAConnection connection) {
        this.factory = factory;
        this.connection = connection;
    }

    /**
     * @param nameServers where to consume when the settings name none of their own; an endpoint whose
     *                    onMessage is container-transacted gets XA sessions, the others
     *                    CLIENT_ACKNOWLEDGE sessions
     * @param tls         TLS on the connection; null: plain
     * @param userName    the broker account the connection signs with, {@code password} its secret;
     *                    null: unsigned
     * @param metrics     the adapter's meters, which count the deliveries and the branches
     */
    public static EndpointActivation start(MessageEndpointFactory factory, ActivationSettings settings,
            String nameServers, ClientTlsConfig tls, String userName, String password, WorkManager workManager,
            AdapterMetrics metrics) throws ResourceException {
        boolean transacted = isTransacted(factory);
        XAConnection connection = connect(settings, nameServers, tls, userName, password);
        EndpointActivation activation = new EndpointActivation(factory, connection);
        try {
            boolean destinationExists = true;
            for (int i = 0; i < settings.sessions(); i++) {
                Session session = transacted ? connection.createXASession()
                        : connection.createSession(Session.CLIENT_ACKNOWLEDGE);
                DeliveryWork work = new DeliveryWork(factory, session, () -> consumer(session, settings),
                        activation.running, metrics);
                activation.works.add(work);
                destinationExists &= work.openConsumer();
            }
            if (!destinationExists) {
                LOG.log(Level.INFO, "Bolide activation of {0}: {1} does not exist yet; delivery starts once "
                        + "something is sent to it", factory.getActivationName(), settings.destination());
            }
            connection.start();
            for (DeliveryWork work : activation.works) {
                activation.schedule(workManager, work);
            }
            return activation;
        } catch (JMSException | WorkException e) {
            activation.close();
            throw failed(factory, e);
        }
    }

    private static boolean isTransacted(MessageEndpointFactory factory) throws ResourceException {
        try {
            return factory.isDeliveryTransacted(DeliveryWork.ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new NotSupportedException("Bolide activation of " + factory.getActivationName()
                    + ": the endpoint is not a jakarta.jms.MessageListener", e);
        }
    }

    /** Every Bolide connection is also an XA connection: one kind serves both deliveries. */
    private static XAConnection connect(ActivationSettings settings, String nameServers, ClientTlsConfig tls,
            String userName, String password) throws ResourceException {
        BolideConnectionFactory connections = new BolideConnectionFactory();
        connections.setNameServers(settings.nameServers() != null ? settings.nameServers() : nameServers);
        connections.setTls(tls);
        connections.setClientId(settings.clientId());
        connections.setMaxRedeliveries(settings.maxRedeliveries());
        try {
            return connections.createXAConnection(userName, password);
        } catch (JMSSecurityException e) {
            throw new SecurityException("Bolide activation: " + e.getMessage(), e);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("Bolide activation: cannot connect to the name servers "
                    + connections.getNameServers() + ": " + e.getMessage(), e);
        }
    }

    private static MessageConsumer consumer(Session session, ActivationSettings settings) throws JMSException {
        if (!settings.topic()) {
            return session.createConsumer(session.createQueue(settings.destination()), settings.selector());
        }
        Topic topic = session.createTopic(settings.destination());
        String name = settings.subscriptionName();
        if (settings.durable()) {
            return settings.shared() ? session.createSharedDurableConsumer(topic, name, settings.selector())
                    : session.createDurableConsumer(topic, name, settings.selector(), false);
        }
        return settings.shared() ? session.createSharedConsumer(topic, name, settings.selector())
                : session.createConsumer(topic, settings.selector());
    }

    /** A work the server rejects counts as ended, so that {@link #close()} does not wait for it. */
    private void schedule(WorkManager workManager, DeliveryWork work) throws WorkException {
        try {
            workManager.scheduleWork(work, WorkManager.INDEFINITE, null, new WorkAdapter() {
                @Override
                public void workRejected(WorkEvent event) {
                    LOG.log(Level.ERROR, "the server rejected Bolide delivery work for " + factory.getActivationName(),
                            event.getException());
                    work.end();
                }
            });
        } catch (WorkException e) {
            work.end();
            throw e;
        }
    }

    private static ResourceAdapterInternalException failed(MessageEndpointFactory factory, Exception e) {
        return new ResourceAdapterInternalException("Bolide activation of " + factory.getActivationName()
                + " failed: " + e.getMessage(), e);
    }

    /** The XAResource of a transacted activation's first session, for recovery; empty when not transacted. */
    public Optional<XAResource> xaResource() {
        return works.stream().map(DeliveryWork::xaResource).filter(Objects::nonNull).findFirst();
    }

    /** Stops delivery: waits for the messages in hand (up to 30 s), then closes the connection. */
    @Override
    public void close() {
        works.forEach(DeliveryWork::release);
        works.stream().filter(work -> !work.started()).forEach(DeliveryWork::end);
        try {
            running.awaitAdvanceInterruptibly(running.arriveAndDeregister(), STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Bolide deactivation of {0}: onMessage still running after {1} s, closing",
                    factory.getActivationName(), STOP_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "Bolide deactivation of " + factory.getActivationName()
                    + ": the connection did not close cleanly", e);
        }
    }
}
