package dev.bolide.client.spi;

import dev.bolide.client.jms.connection.ClientAccess;
import dev.bolide.client.jms.session.JmsFailure;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.function.Consumer;

/**
 * A member of a producer group on every broker, so that the brokers check the group's half messages
 * back with it: RocketMQ's local-transaction pattern, for an adapter whose beans decide.
 */
public final class CheckBackMember implements AutoCloseable {
    private final RocketMqClient client;

    private CheckBackMember(RocketMqClient client) {
        this.client = client;
    }

    /**
     * Joins {@code producerGroup} with the brokers the settings' name servers know (their client id,
     * redelivery count are not used) and hands each check-back to {@code onCheck}, on the client's
     * I/O thread: it must return at once.
     *
     * @param userName the access key the requests are signed with, {@code password} the secret key;
     *                 null: unsigned
     * @throws JMSSecurityException for a user name without password, or an account the brokers refuse
     * @throws JMSException when the TLS settings cannot be used or a broker cannot be joined
     */
    public static CheckBackMember join(ConnectionSettings settings, String userName, String password,
            String producerGroup, Consumer<CheckBack> onCheck) throws JMSException {
        RocketMqClient client = new RocketMqClient(ClientSettings.of(settings.nameServers())
                .withRequestTimeout(settings.requestTimeout()).withTls(ClientAccess.tls(settings)),
                ClientAccess.credentials(userName, password));
        try {
            client.onTransactionCheck(producerGroup, check -> onCheck.accept(new CheckBack(check)));
            client.joinProducerGroup(producerGroup);
            return new CheckBackMember(client);
        } catch (RocketMqException e) {
            client.close();
            throw JmsFailure.of("cannot join producer group " + producerGroup, e);
        }
    }

    /** Stops answering: leaves the producer group and closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
