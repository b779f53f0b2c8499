package dev.bolide.ra.checkback;

import dev.bolide.client.spi.CheckBack;
import dev.bolide.client.spi.CheckBackMember;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.remoting.ClientTlsConfig;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.lang.System.Logger.Level;

/**
 * One activated check-back endpoint (the server binds only beans implementing
 * {@link dev.bolide.ra.TransactionCheckListener} to this spec, by {@code ra.xml}): the client's member
 * of the producer group on every broker, so that brokers check the group's half messages back with it,
 * which hands each check-back to a {@link CheckBackWork} on the server's WorkManager.
 */
public final class CheckBackActivation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CheckBackActivation.class.getName());

    private final CheckBackMember member;

    private CheckBackActivation(CheckBackMember member) {
        this.member = member;
    }

    /**
     * @param nameServers where the brokers are found when the settings name none of their own
     * @param tls         TLS on the client's connections; null: plain
     * @param userName    the broker account the client signs with, {@code password} its secret; null: unsigned
     */
    public static CheckBackActivation start(MessageEndpointFactory factory, CheckBackSettings settings,
            String nameServers, ClientTlsConfig tls, String userName, String password, WorkManager workManager)
            throws ResourceException {
        ConnectionSettings connection = new ConnectionSettings(settings.nameServers() != null
                ? settings.nameServers() : nameServers, null, ConnectionSettings.DEFAULT_REQUEST_TIMEOUT, 0, tls);
        try {
            return new CheckBackActivation(CheckBackMember.join(connection, userName, password,
                    settings.producerGroup(), check -> schedule(factory, workManager, check)));
        } catch (JMSSecurityException e) {
            throw new SecurityException(failure(factory, e), e);
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException(failure(factory, e), e);
        }
    }

    private static String failure(MessageEndpointFactory factory, JMSException e) {
        return "Bolide check-back activation of " + factory.getActivationName() + " failed: " + e.getMessage();
    }

    /** Runs on the client's I/O thread: hands the check over and returns at once. */
    private static void schedule(MessageEndpointFactory factory, WorkManager workManager, CheckBack check) {
        try {
            workManager.scheduleWork(new CheckBackWork(factory, check));
        } catch (WorkException e) {
            LOG.log(Level.WARNING, "the server rejected a Bolide check-back for " + factory.getActivationName()
                    + "; the broker will ask again", e);
        }
    }

    /** Stops answering: leaves the producer group. */
    @Override
    public void close() {
        member.close();
    }
}
