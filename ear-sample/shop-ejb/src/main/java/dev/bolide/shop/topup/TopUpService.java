package dev.bolide.shop.topup;

import dev.bolide.shop.InvalidInputException;
import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.jms.HalfMessageSession;
import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.messaging.MessagingFailedException;
import dev.bolide.shop.messaging.ShopMessages;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Balance top-ups the RocketMQ way, without XA: send a half message, commit the local transaction
 * (credit the balance, record the top-up), then commit the message; a failed local transaction rolls
 * the message back. When the decision never reaches the broker, {@link TopUpCheck} answers its
 * check-back from the database. Runs outside a JTA transaction: there the adapter's session handle
 * sends half messages (in one, the transaction would make the send atomic instead).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TopUpService {
    static final String TOP_UP_ID = "topUpId";

    @Resource(lookup = ShopMessages.FACTORY)
    private ConnectionFactory factory;
    @Resource(lookup = ShopMessages.TOP_UP_TOPIC)
    private Topic topUps;
    @EJB
    private AccountService accounts;

    /** Tops the balance up; returns the top-up's id. */
    public String topUp(long userId, BigDecimal amount) {
        return topUp(userId, amount, true);
    }

    /**
     * What a crash between the local commit and the message's commit leaves: the balance credited,
     * the half message undecided until the broker's check-back asks {@link TopUpCheck}.
     */
    public String topUpLeavingMessageUndecided(long userId, BigDecimal amount) {
        return topUp(userId, amount, false);
    }

    private String topUp(long userId, BigDecimal amount, boolean decide) {
        if (amount.signum() <= 0) {
            throw new InvalidInputException("a top-up must be positive, was " + amount);
        }
        if (accounts.user(userId) == null) {
            throw new InvalidInputException("no user " + userId);
        }
        String topUpId = UUID.randomUUID().toString();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            HalfMessage half = ((HalfMessageSession) session).sendHalf(topUps,
                    message(session, topUpId, userId, amount), ShopTopics.TOP_UP_PRODUCERS);
            try {
                accounts.topUp(topUpId, userId, amount);
            } catch (RuntimeException e) {
                half.rollback();
                throw e;
            }
            if (decide) {
                half.commit();
            }
            return topUpId;
        } catch (JMSException e) {
            throw new MessagingFailedException("top-up " + topUpId, e);
        }
    }

    private static Message message(Session session, String topUpId, long userId, BigDecimal amount)
            throws JMSException {
        Message message = session.createTextMessage(topUpId);
        message.setJMSCorrelationID(topUpId);
        message.setStringProperty(TOP_UP_ID, topUpId);
        message.setLongProperty("userId", userId);
        message.setStringProperty("amount", amount.toPlainString());
        return message;
    }
}
