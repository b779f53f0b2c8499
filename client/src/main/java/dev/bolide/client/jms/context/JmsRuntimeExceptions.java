package dev.bolide.client.jms.context;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/** The simplified API's unchecked exceptions: each checked JMSException becomes its runtime twin. */
public final class JmsRuntimeExceptions {
    /** A call of the classic API. */
    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** A call of the classic API that returns nothing. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }

    private JmsRuntimeExceptions() {
    }

    static <T> T translate(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw of(e);
        }
    }

    static void run(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw of(e);
        }
    }

    /** The runtime twin of {@code e} (JMSSecurityException: JMSSecurityRuntimeException, ...). */
    public static JMSRuntimeException of(JMSException e) {
        String message = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException translated;
        if (e instanceof IllegalStateException) {
            translated = new IllegalStateRuntimeException(message, code, e);
        } else if (e instanceof InvalidClientIDException) {
            translated = new InvalidClientIDRuntimeException(message, code, e);
        } else if (e instanceof InvalidDestinationException) {
            translated = new InvalidDestinationRuntimeException(message, code, e);
        } else if (e instanceof InvalidSelectorException) {
            translated = new InvalidSelectorRuntimeException(message, code, e);
        } else if (e instanceof JMSSecurityException) {
            translated = new JMSSecurityRuntimeException(message, code, e);
        } else if (e instanceof MessageFormatException) {
            translated = new MessageFormatRuntimeException(message, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            translated = new MessageNotWriteableRuntimeException(message, code, e);
        } else if (e instanceof ResourceAllocationException) {
            translated = new ResourceAllocationRuntimeException(message, code, e);
        } else if (e instanceof TransactionInProgressException) {
            translated = new TransactionInProgressRuntimeException(message, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            translated = new TransactionRolledBackRuntimeException(message, code, e);
        } else {
            translated = new JMSRuntimeException(message, code, e);
        }
        return translated;
    }
}
