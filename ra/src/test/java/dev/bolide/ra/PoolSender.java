package dev.bolide.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Sends with a {@link JMSContext} in container-managed transactions through the XA pool a server's
 * own configuration declares (on WildFly, src/main/wildfly/bolide-ra.cli binds it at {@value #FACTORY}):
 * a context the bean creates from the pool, and one the container injects.
 */
@Stateless
public class PoolSender {
    public static final String FACTORY = "java:/jms/bolide/ConnectionFactory";

    @Resource(lookup = FACTORY)
    private ConnectionFactory factory;
    @Inject
    @JMSConnectionFactory(FACTORY)
    private JMSContext injected;
    @Resource
    private SessionContext bean;

    /** Sends in the caller's transaction, or a new one, and marks it for rollback if asked to. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void send(String queue, String text, boolean rollback) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(queue), text);
        }
        if (rollback) {
            bean.setRollbackOnly();
        }
    }

    /** Sends through the injected context, in the caller's transaction or a new one, marked for rollback if asked to. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendInjected(String queue, String text, boolean rollback) {
        injected.createProducer().send(injected.createQueue(queue), text);
        if (rollback) {
            bean.setRollbackOnly();
        }
    }
}
