package dev.bolide.ra.checkback;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.Credentials;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.TransactionCheck;
import dev.bolide.remoting.ClientTls;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.lang.System.Logger.Level;

/**
 * One activated check-back endpoint (the server binds only beans implementing
 * {@link dev.bolide.ra.TransactionCheckListener} to this spec, by {@code ra.xml}): a RocketMQ client that joins the producer group on every
 * broker, so that brokers check the group's half messages back with it, and hands each check-back to
 * a {@link CheckBackWork} on the server's WorkManager.
 */
public final class CheckBackActivation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CheckBackActivation.class.getName());

    private final MessageEndpointFactory factory;
    private final WorkManager workManager;
    private final RocketMqClient client;

    private CheckBackActivation(MessageEndpointFactory factory, WorkManager workManager, RocketMqClient client) {
        this.factory = factory;
        this.workManager = workManager;
        this.client = client;
    }

    /**
     * @param nameServers where the brokers are found when the settings name none of their own
     * @param tls         TLS on the client's connections; null: plain
     * @param userName    the broker account the client signs with, {@code password} its secret; null: unsigned
     */
    public static CheckBackActivation start(MessageEndpointFactory factory, CheckBackSettings settings,
            String nameServers, ClientTlsConfig tls, String userName, String password, WorkManager workManager)
            throws ResourceException {
        RocketMqClient client = new RocketMqClient(ClientSettings.of(settings.nameServers() != null
                ? settings.nameServers() : nameServers).withTls(loaded(factory, tls)),
                credentials(factory, userName, password));
        CheckBackActivation activation = new CheckBackActivation(factory, workManager, client);
        try {
            client.onTransactionCheck(settings.producerGroup(), activation::schedule);
            client.joinProducerGroup(settings.producerGroup());
            return activation;
        } catch (RocketMqException e) {
            client.close();
            throw new ResourceAdapterInternalException("Bolide check-back activation of "
                    + factory.getActivationName() + " failed: " + e.getMessage(), e);
        }
    }

    private static ClientTls loaded(MessageEndpointFactory factory, ClientTlsConfig tls)
            throws ResourceAdapterInternalException {
        try {
            return tls == null ? null : tls.load();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("Bolide check-back activation of "
                    + factory.getActivationName() + ": " + e.getMessage(), e);
        }
    }

    private static Credentials credentials(MessageEndpointFactory factory, String userName, String password)
            throws SecurityException {
        try {
            return userName == null ? null : new Credentials(userName, password);
        } catch (IllegalArgumentException e) {
            throw new SecurityException("Bolide check-back activation of " + factory.getActivationName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs on the client's I/O thread: hands the check over and returns at once. */
    private void schedule(TransactionCheck check) {
        try {
            workManager.scheduleWork(new CheckBackWork(factory, check));
        } catch (WorkException e) {
            LOG.log(Level.WARNING, "the server rejected a Bolide check-back for " + factory.getActivationName()
                    + "; the broker will ask again", e);
        }
    }

    /** Stops answering: leaves the producer group and closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
