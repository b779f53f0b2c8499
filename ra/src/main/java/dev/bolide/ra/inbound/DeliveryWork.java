package dev.bolide.ra.inbound;

import dev.bolide.client.spi.MissingDestination;
import dev.bolide.ra.metrics.AdapterMetrics;
import dev.bolide.ra.metrics.DeliveryMeters;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.transaction.xa.XAResource;

/**
 * One session's delivery, run on the server's WorkManager until released: receives on the
 * session's consumer and calls an endpoint the factory makes for the message. Transacted delivery
 * receives inside the container's transaction (see {@link #receiveInTransaction}); otherwise a
 * message is acknowledged once {@code onMessage} returns normally; when it throws, the session recovers, so the
 * message comes again with {@code JMSRedelivered} and a higher {@code JMSXDeliveryCount}, until the
 * client moves it to the dead-letter queue after {@code maxRedeliveries}.
 */
final class DeliveryWork implements Work {
    private static final System.Logger LOG = System.getLogger(DeliveryWork.class.getName());
    /** The method a message-listener endpoint is called by, for isDeliveryTransacted and beforeDelivery. */
    static final Method ON_MESSAGE = onMessage();
    /** How long a receive waits: also how soon a released work notices. */
    private static final long RECEIVE_MILLIS = 200;
    /** A transacted receive waits longer, as each wait is a transaction of its own when nothing comes. */
    private static final long TRANSACTED_RECEIVE_MILLIS = 1000;
    /** The pause after a failure that would fail again at once (no endpoint, a broken connection). */
    private static final long PAUSE_MILLIS = 1000;

    private final MessageEndpointFactory factory;
    private final Session session;
    /** The XA session's resource when delivery is transacted, else null. */
    private final XAResource xaResource;
    /** What the container enlists: {@link #xaResource}, its branches counted; null when not transacted. */
    private final XAResource countedXaResource;
    private final DeliveryMeters meters;
    private final ConsumerSource source;
    /** Null until the destination exists; then touched by the work's thread only. */
    private MessageConsumer consumer;
    private final Phaser running;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean released;

    /** Opens the session's consumer. */
    @FunctionalInterface
    interface ConsumerSource {
        MessageConsumer open() throws JMSException;
    }

    /**
     * @param running the activation's works that have not ended: this one is registered until it ends
     * @param metrics the adapter's meters
     */
    DeliveryWork(MessageEndpointFactory factory, Session session, ConsumerSource source, Phaser running,
            AdapterMetrics metrics) {
        this.factory = factory;
        this.session = session;
        this.xaResource = session instanceof XASession xa ? xa.getXAResource() : null;
        this.countedXaResource = xaResource == null ? null : metrics.branches().counting(xaResource);
        this.meters = metrics.deliveries();
        this.source = source;
        this.running = running;
        running.register();
    }

    /**
     * Opens the consumer at activation, so that a subscription the client refuses fails it; a
     * destination nothing was sent to yet has no route, and then the work opens it once it has.
     *
     * @return false when the destination does not exist yet
     */
    boolean openConsumer() throws JMSException {
        try {
            consumer = source.open();
            return true;
        } catch (JMSException e) {
            if (!MissingDestination.isCause(e)) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public void run() {
        started = true;
        try {
            while (!released) {
                receiveAndDeliver();
            }
        } finally {
            end();
        }
    }

    /** The XA session's resource, or null when delivery is not transacted. */
    XAResource xaResource() {
        return xaResource;
    }

    /** Whether the server ran it: one it has not started yet need not be waited for. */
    boolean started() {
        return started;
    }

    /** The work is over: it ran and returned, or the server rejected it. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            running.arriveAndDeregister();
        }
    }

    private void receiveAndDeliver() {
        try {
            if (consumer == null) {
                consumer = source.open();
            }
            if (xaResource != null) {
                receiveInTransaction();
                return;
            }
            Message message = consumer.receive(RECEIVE_MILLIS);
            if (message != null) {
                deliver(message);
            }
        } catch (JMSException | RuntimeException e) {
            if (!(e instanceof JMSException failure && MissingDestination.isCause(failure))) {
                LOG.log(Level.WARNING, "Bolide delivery to " + factory.getActivationName() + " failed, retrying: " + e, e);
            }
            pause();
        }
    }

    private void deliver(Message message) throws JMSException {
        MessageEndpoint endpoint = endpoint();
        if (endpoint == null) {
            session.recover();
            return;
        }
        try {
            onMessage(endpoint, message);
            message.acknowledge();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "onMessage of {0} threw, message redelivered: {1}", factory.getActivationName(), e);
            session.recover();
        } finally {
            endpoint.release();
        }
    }

    /**
     * Transacted delivery (Connectors 2.1, 13.5.6): the container begins the transaction and enlists
     * the session's XAResource in beforeDelivery, the message is received in the branch and handed
     * to onMessage, and afterDelivery completes the transaction: a commit acknowledges the message, a
     * rollback (onMessage threw, or the bean set rollback-only) delivers it again.
     */
    private void receiveInTransaction() throws JMSException {
        MessageEndpoint endpoint = endpoint();
        if (endpoint == null) {
            return;
        }
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                Message message = consumer.receive(TRANSACTED_RECEIVE_MILLIS);
                if (message != null) {
                    onMessage(endpoint, message);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "onMessage of {0} threw, transaction rolled back: {1}",
                        factory.getActivationName(), e);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (NoSuchMethodException | ResourceException e) {
            LOG.log(Level.WARNING, "Bolide transacted delivery to " + factory.getActivationName() + " failed: " + e, e);
            pause();
        } finally {
            endpoint.release();
        }
    }

    /** Hands the message to the endpoint, counting it, and counting a throw as a failed delivery. */
    private void onMessage(MessageEndpoint endpoint, Message message) throws JMSException {
        meters.delivering(message.getJMSRedelivered());
        try {
            ((MessageListener) endpoint).onMessage(message);
        } catch (RuntimeException e) {
            meters.failed();
            throw e;
        }
    }

    /**
     * An endpoint for the message in hand, waiting while the server has none (an application being
     * started or stopped), so that unavailability does not count as a failed delivery; null once released.
     */
    private MessageEndpoint endpoint() {
        while (!released) {
            try {
                return factory.createEndpoint(countedXaResource);
            } catch (UnavailableException e) {
                LOG.log(Level.DEBUG, "endpoint {0} unavailable, message kept: {1}", factory.getActivationName(), e);
                pause();
            }
        }
        return null;
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            released = true;
        }
    }

    private static Method onMessage() {
        try {
            return MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Ends the work after the message in hand, if any: its acknowledgement is not lost. */
    @Override
    public void release() {
        released = true;
    }
}
