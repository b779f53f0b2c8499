package dev.bolide.ra.mdb;

import dev.bolide.ra.TransactionCheckListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;

/**
 * A check-back bean for producer group {@value #PRODUCER_GROUP}: a payment whose half message says
 * "paid" is committed, any other rolled back (a real bean would ask its database). Container-managed
 * transactions, the default: the check-back runs inside one.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "producerGroup", propertyValue = PaymentCheckBean.PRODUCER_GROUP)})
public class PaymentCheckBean implements TransactionCheckListener {
    public static final String PRODUCER_GROUP = "it-payments";

    @Override
    public Outcome checkTransaction(Message halfMessage) {
        try {
            BytesMessage bytes = (BytesMessage) halfMessage;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return new String(body, StandardCharsets.UTF_8).startsWith("paid") ? Outcome.COMMIT : Outcome.ROLLBACK;
        } catch (JMSException e) {
            return Outcome.UNKNOWN;
        }
    }
}
