package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.jms.HalfMessage;
import dev.bolide.client.jms.HalfMessageSession;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

/** Half messages (RocketMQ local transactions) through the container's session handle. */
class ContainerHalfMessageTest extends OutboundTestBase {
    @Test
    void outsideATransactionAHalfMessageIsSentAndCommitted() throws Exception {
        String queue = fresh("Payments");
        Session session = handle(managedConnection()).createSession();

        HalfMessage half = ((HalfMessageSession) session).sendHalf(session.createQueue(queue),
                session.createTextMessage("paid"), "payment-producers");
        half.commit();

        assertThat(awaitBrowsed(queue, "paid")).containsExactly("paid");
    }

    @Test
    void insideATransactionHalfMessagesAreRefused() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Session session = handle(managed).createSession();
        Queue queue = session.createQueue(fresh("Payments"));
        managed.getLocalTransaction().begin();
        try {
            assertThatThrownBy(() -> ((HalfMessageSession) session).sendHalf(queue, session.createTextMessage("no"),
                    "payment-producers")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JTA transaction");
        } finally {
            managed.getLocalTransaction().rollback();
        }
    }
}
