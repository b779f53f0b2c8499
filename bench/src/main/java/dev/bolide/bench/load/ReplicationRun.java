package dev.bolide.bench.load;

import java.util.List;

/**
 * {@code --replication}: what a slave costs a send. Bolide SYNC_MASTER + SLAVE, Apache RocketMQ
 * SYNC_MASTER + SLAVE and Bolide ASYNC_MASTER alone run side by side for the whole run (two broker
 * JVMs per pair, all on this machine) and take turns in rounds ({@link SideBySideRounds}).
 */
final class ReplicationRun {
    private ReplicationRun() {
    }

    static String run(HarnessOptions options) throws Exception {
        BrokerSetup brokers = options.brokerSetup();
        try (SideBySideRounds setups = new SideBySideRounds()) {
            setups.add("Bolide SYNC_MASTER + SLAVE", BolideBrokerProcess.start(brokers, options.bolideJar(),
                    BrokerSetup.Role.SYNC_MASTER, false));
            RocketMqEdition rocketMq = RocketMqEdition.version4(options.rocketMqLib());
            setups.add(rocketMq.name() + " SYNC_MASTER + SLAVE",
                    RocketMqBrokerProcess.start(brokers, rocketMq, BrokerSetup.Role.SYNC_MASTER));
            setups.add("Bolide ASYNC_MASTER alone", BolideBrokerProcess.start(brokers, options.bolideJar(),
                    BrokerSetup.Role.ASYNC_MASTER, false));
            return setups.run(options, "Replication",
                    List.of(new SideBySideRounds.Ratio("Bolide / RocketMQ, SYNC_MASTER + SLAVE", 0, 1)));
        }
    }
}
