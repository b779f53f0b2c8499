package dev.bolide.ra.checkback;

import dev.bolide.client.spi.CheckBack;
import dev.bolide.ra.TransactionCheckListener;
import dev.bolide.ra.TransactionCheckListener.Outcome;
import jakarta.jms.JMSException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.lang.System.Logger.Level;

/**
 * One check-back, run on the server's WorkManager: asks an endpoint for the outcome and answers the
 * broker; no answer (unknown, an exception, no endpoint) lets the broker ask again later.
 */
final class CheckBackWork implements Work {
    private static final System.Logger LOG = System.getLogger(CheckBackWork.class.getName());

    private final MessageEndpointFactory factory;
    private final CheckBack check;

    CheckBackWork(MessageEndpointFactory factory, CheckBack check) {
        this.factory = factory;
        this.check = check;
    }

    @Override
    public void run() {
        Outcome outcome = ask();
        if (outcome == Outcome.COMMIT) {
            check.commit();
        } else if (outcome == Outcome.ROLLBACK) {
            check.rollback();
        }
    }

    private Outcome ask() {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            LOG.log(Level.DEBUG, "check-back endpoint {0} unavailable: {1}", factory.getActivationName(), e);
            return Outcome.UNKNOWN;
        }
        try {
            return ((TransactionCheckListener) endpoint).checkTransaction(check.halfMessage());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "check-back of " + check.messageId() + " by "
                    + factory.getActivationName() + " failed; the broker will ask again", e);
            return Outcome.UNKNOWN;
        } finally {
            endpoint.release();
        }
    }

    /** A check-back is short: it ends on its own. */
    @Override
    public void release() {
        // nothing to interrupt: the endpoint's answer is awaited, or the broker asks again
    }
}
