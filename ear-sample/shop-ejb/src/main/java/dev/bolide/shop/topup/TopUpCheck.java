package dev.bolide.shop.topup;

import dev.bolide.ra.TransactionCheckListener;
import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Answers the broker's check-backs of top-up half messages nobody decided: the top-up's row exists
 * when its local transaction committed, so the message is committed; otherwise it rolled back (or
 * never ran) and so is the message.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "producerGroup", propertyValue = ShopTopics.TOP_UP_PRODUCERS)})
public class TopUpCheck implements TransactionCheckListener {
    private static final System.Logger LOG = System.getLogger(TopUpCheck.class.getName());

    @EJB
    private AccountService accounts;

    @Override
    public Outcome checkTransaction(Message halfMessage) {
        try {
            String topUpId = halfMessage.getStringProperty(TopUpService.TOP_UP_ID);
            Outcome outcome = accounts.topUpOf(topUpId) == null ? Outcome.ROLLBACK : Outcome.COMMIT;
            LOG.log(System.Logger.Level.INFO, "check-back of top-up {0}: {1}", topUpId, outcome);
            return outcome;
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, "check-back of a top-up message left undecided", e);
            return Outcome.UNKNOWN;
        }
    }
}
