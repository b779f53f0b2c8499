package dev.bolide.client.jms.session;

import dev.bolide.client.rocketmq.CrossBrokerCommit;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.CountDownLatch;

/**
 * A client JVM that sends one message to each of two brokers in a transacted session and commits,
 * stopping for good at the phase of the commit it is given, where the test kills it.
 * Arguments: name server, {@link CrossBrokerCommit.Phase}.
 */
public final class CrossBrokerClient {
    static final String STOPPED = "stopped at ";

    private CrossBrokerClient() {
    }

    public static void main(String[] args) throws Exception {
        CrossBrokerCommit.Phase stopAt = CrossBrokerCommit.Phase.valueOf(args[1]);
        CrossBrokerCommit.phaseReached = phase -> {
            if (phase == stopAt) {
                System.out.println(STOPPED + phase);
                System.out.flush();
                waitForTheKill();
            }
        };
        try (Connection connection = CrossBrokerFixture.factory(args[0]).createConnection()) {
            CrossBrokerFixture.sendToBoth(connection.createSession(Session.SESSION_TRANSACTED)).commit();
        }
    }

    private static void waitForTheKill() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
