package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import org.junit.jupiter.api.Test;

/**
 * The server's local transaction on a managed connection: sends are half-messages of a broker branch
 * until commit, and receives are settled with it. "Never visible" is checked against a later message sent at once: once that one is
 * readable, the queue holds it alone.
 */
class LocalTransactionTest extends OutboundTestBase {
    @Test
    void aCommittedSendBecomesVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        send(handle(managed), queue, "committed");

        transaction.commit();

        assertThat(awaitBrowsed(queue, "committed")).containsExactly("committed");
    }

    @Test
    void aSendIsInvisibleBeforeCommit() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        managed.getLocalTransaction().begin();
        send(handle(managed), queue, "pending");

        sendOutside(queue, "later, at once");

        assertThat(awaitBrowsed(queue, "later, at once")).containsExactly("later, at once");
    }

    @Test
    void aRolledBackSendIsNeverVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        send(handle(managed), queue, "rolled back");
        transaction.rollback();

        sendOutside(queue, "later, at once");

        assertThat(awaitBrowsed(queue, "later, at once")).containsExactly("later, at once");
    }

    @Test
    void aCommitMakesEverySendOfTheTransactionVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        Connection connection = handle(managed);
        send(connection, queue, "one");
        send(connection, queue, "two");

        transaction.commit();

        awaitBrowsed(queue, "one");
        assertThat(awaitBrowsed(queue, "two")).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void afterCommitTheConnectionSendsAtOnceAgain() throws Exception {
        BolideManagedConnection managed = managedConnection();
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        transaction.commit();
        String queue = fresh("Orders");

        send(handle(managed), queue, "no transaction");

        assertThat(awaitBrowsed(queue, "no transaction")).containsExactly("no transaction");
    }

    @Test
    void cleanupRollsBackATransactionLeftOpen() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        managed.getLocalTransaction().begin();
        send(handle(managed), queue, "abandoned");

        managed.cleanup();
        sendOutside(queue, "later, at once");

        assertThat(awaitBrowsed(queue, "later, at once")).containsExactly("later, at once");
        assertThat(managed.inTransaction()).isFalse();
    }

    @Test
    void aMessageReceivedInARolledBackTransactionIsDeliveredAgain() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        sendOutside(queue, "to receive");
        Connection connection = handle(managed);
        connection.start();
        Session session = connection.createSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("to receive");

        transaction.rollback();

        transaction.begin();
        Message again = consumer.receive(10_000);
        transaction.commit();
        assertThat(((TextMessage) again).getText()).isEqualTo("to receive");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    void beginWhileActiveIsRefused() throws Exception {
        LocalTransaction transaction = managedConnection().getLocalTransaction();
        transaction.begin();

        assertThatThrownBy(transaction::begin).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("already active");
    }

    @Test
    void commitWithoutBeginIsRefused() throws Exception {
        LocalTransaction transaction = managedConnection().getLocalTransaction();

        assertThatThrownBy(transaction::commit).isInstanceOf(LocalTransactionException.class)
                .hasMessageContaining("no local transaction");
    }
}
