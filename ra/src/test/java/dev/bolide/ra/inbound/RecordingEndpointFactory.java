package dev.bolide.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A message endpoint factory as a server has one per message-driven bean, without the server: each
 * endpoint passes the message to {@code onMessage} (which may throw, as a bean does) and records what
 * it was given. Endpoints must be released, as the Connectors contract says. A transacted factory's
 * endpoints do what a container does with the adapter's XAResource, as the only resource of the
 * transaction: start its branch in beforeDelivery, end it in afterDelivery and commit it in one
 * phase, or roll it back when onMessage threw.
 */
final class RecordingEndpointFactory implements MessageEndpointFactory {
    /** What one call of onMessage saw. */
    record Delivered(String text, int deliveryCount, boolean redelivered, String thread) {
    }

    private final Consumer<TextMessage> onMessage;
    private final boolean transacted;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<Delivered> returned = new CopyOnWriteArrayList<>();
    private final List<Endpoint> unreleased = new CopyOnWriteArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger();

    RecordingEndpointFactory(Consumer<TextMessage> onMessage, boolean transacted) {
        this.onMessage = onMessage;
        this.transacted = transacted;
    }

    /** Endpoints that accept every message. */
    static RecordingEndpointFactory accepting() {
        return new RecordingEndpointFactory(message -> { }, false);
    }

    /** Every call of onMessage, in order, whether it returned or threw. */
    List<Delivered> delivered() {
        return delivered;
    }

    /** The texts of the calls that returned normally, in order. */
    List<String> accepted() {
        return returned.stream().map(Delivered::text).toList();
    }

    /** A Xid of the test's transactions, numbered. */
    private record TestXid(int number) implements Xid {
        @Override
        public int getFormatId() {
            return 4711;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ("tx-" + number).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }

    List<Endpoint> unreleased() {
        return unreleased;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        if (transacted && xaResource == null) {
            throw new IllegalStateException("transacted delivery needs the adapter's XAResource");
        }
        Endpoint endpoint = new Endpoint(xaResource);
        unreleased.add(endpoint);
        return endpoint;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "recording-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, MessageListener {
        private final XAResource xaResource;
        private Xid xid;
        private boolean rollbackOnly;

        Endpoint(XAResource xaResource) {
            this.xaResource = xaResource;
        }

        @Override
        public void onMessage(Message message) {
            TextMessage text = (TextMessage) message;
            Delivered seen = seen(text);
            delivered.add(seen);
            try {
                onMessage.accept(text);
            } catch (RuntimeException e) {
                rollbackOnly = true;
                throw e;
            }
            returned.add(seen);
        }

        private Delivered seen(TextMessage message) {
            try {
                return new Delivered(message.getText(), message.getIntProperty("JMSXDeliveryCount"),
                        message.getJMSRedelivered(), Thread.currentThread().getName());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void beforeDelivery(Method method) throws ResourceException {
            if (xaResource == null) {
                throw new IllegalStateException("non-transacted delivery calls onMessage directly");
            }
            xid = new TestXid(transactions.incrementAndGet());
            try {
                xaResource.start(xid, XAResource.TMNOFLAGS);
            } catch (XAException e) {
                throw new ResourceException("start failed: " + e.errorCode, e);
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            try {
                xaResource.end(xid, rollbackOnly ? XAResource.TMFAIL : XAResource.TMSUCCESS);
                if (rollbackOnly) {
                    xaResource.rollback(xid);
                } else {
                    xaResource.commit(xid, true);
                }
            } catch (XAException e) {
                throw new ResourceException("completion failed: " + e.errorCode, e);
            } finally {
                xid = null;
                rollbackOnly = false;
            }
        }

        @Override
        public void release() {
            unreleased.remove(this);
        }
    }
}
