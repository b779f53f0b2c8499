package dev.bolide.broker.pull;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.topic.TopicConfig;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;

/**
 * Which broker of a broker name a consumer is told to pull from next ({@code suggestWhichBrokerId}),
 * and what a slave does differently with a pull, as RocketMQ 4.9.7 decides both.
 *
 * <p>With {@code slaveReadEnable}, a pull whose data lies more than
 * {@code accessMessageInMemoryMaxRatio} percent of the machine's physical memory behind the end of
 * the CommitLog (no longer in the page cache, so read from disk) is sent to the group's
 * {@code whichBrokerWhenConsumeSlowly} (1 by default, the first slave), any other to the group's
 * {@code brokerId} (0). Without it the answer is always the master, 0; a client whose master is
 * gone pulls from a slave all the same (it falls back to any address of the broker name).
 *
 * @param slave whether this broker is a slave: it then keeps no offset a pull carries, and answers a
 *        pull outside its queue with PULL_RETRY_IMMEDIATELY instead of moving the consumer's offset
 *        (RocketMQ's {@code offsetCheckInSlave = false})
 * @param physicalMemory bytes of physical memory the ratio is taken of
 * @param brokerPermission RocketMQ's {@code brokerPermission} now; without its read bit, pulls are refused
 * @param brokerIP1 the broker's address, which the refusal names
 */
public record PullRouting(boolean slave, boolean slaveReadEnable, int accessMessageInMemoryMaxRatio,
        long physicalMemory, IntSupplier brokerPermission, String brokerIP1) {
    /** RocketMQ's {@code MixAll.MASTER_ID}. */
    static final long MASTER_ID = 0;
    /** What RocketMQ assumes when the JVM cannot tell the machine's memory. */
    private static final long ASSUMED_PHYSICAL_MEMORY = 24L << 30;

    /** A broker's routing on this machine. */
    public static PullRouting of(boolean slave, boolean slaveReadEnable, int accessMessageInMemoryMaxRatio,
            IntSupplier brokerPermission, String brokerIP1) {
        return new PullRouting(slave, slaveReadEnable, accessMessageInMemoryMaxRatio, machineMemory(),
                brokerPermission, brokerIP1);
    }

    private static long machineMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : ASSUMED_PHYSICAL_MEMORY;
    }

    boolean pullsAllowed() {
        return (brokerPermission.getAsInt() & TopicConfig.PERM_READ) != 0;
    }

    /**
     * @param behindBytes how far the last message the pull looked at lies behind the CommitLog's end;
     *        negative when it looked at none
     */
    long suggestWhichBrokerId(SubscriptionGroupConfig group, long behindBytes) {
        if (!slaveReadEnable) {
            return MASTER_ID;
        }
        long inMemory = (long) (physicalMemory * (accessMessageInMemoryMaxRatio / 100.0));
        return behindBytes > inMemory ? group.whichBrokerWhenConsumeSlowly() : group.brokerId();
    }
}
