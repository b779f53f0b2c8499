package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.charset.StandardCharsets;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The child JVM of the receive crash tests: in one XA branch it receives a message from one queue
 * and sends one to another, prepares the branch, prints {@value #PREPARED} and the received text,
 * and waits there to be killed.
 *
 * <p>Arguments: name server, queue received from, queue sent to, global transaction id.
 */
public final class PreparedReceiveHolder {
    static final String PREPARED = "PREPARED";
    static final String REPLY = "reply";

    private PreparedReceiveHolder() {
    }

    public static void main(String[] args) throws Exception {
        XAConnection connection = new BolideConnectionFactory(args[0]).createXAConnection();
        connection.start();
        XASession session = connection.createXASession();
        Xid xid = xid(args[3]);
        prepareReceiveAndSend(session, xid, session.createQueue(args[1]), session.createQueue(args[2]));
        System.out.println(PREPARED);
        System.out.flush();
        while (true) {
            Thread.sleep(60_000);
        }
    }

    static Xid xid(String globalTransactionId) {
        return BranchId.of(4660, globalTransactionId.getBytes(StandardCharsets.US_ASCII), new byte[] {1});
    }

    /** Receives one message from {@code from} and sends {@value #REPLY} to {@code to} in a branch it then prepares. */
    static String prepareReceiveAndSend(XASession session, Xid xid, Queue from, Queue to) throws Exception {
        XAResource resource = session.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        TextMessage received = (TextMessage) session.createConsumer(from).receive(30_000);
        if (received == null) {
            throw new IllegalStateException("nothing to receive from " + from);
        }
        session.createProducer(to).send(session.createTextMessage(REPLY));
        resource.end(xid, XAResource.TMSUCCESS);
        if (resource.prepare(xid) != XAResource.XA_OK) {
            throw new IllegalStateException("the branch did not prepare");
        }
        return received.getText();
    }
}
