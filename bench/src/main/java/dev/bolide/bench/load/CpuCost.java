package dev.bolide.bench.load;

/**
 * The CPU a phase of the workload cost per message, on both sides of the wire: the broker's JVMs
 * (name server included) and the harness's own JVM, the client, which shares the machine with them.
 *
 * @param phase       {@code sends} (every send cell), {@code consumption} (every backlog drained) or
 *                    {@code transactional sends} (every transactional cell)
 * @param messages    messages sent with SEND_OK (transactional: and committed and found on the broker), or
 *                    consumed, in the phase
 * @param brokerNanos CPU of the broker's processes over the phase
 * @param clientNanos CPU of the harness's process over the phase
 */
record CpuCost(String phase, long messages, long brokerNanos, long clientNanos) {

    /** Starts counting a phase; {@link Meter#stop} ends it. */
    static Meter start(BrokerProcess broker) {
        return new Meter(broker, broker.cpuNanos(), ProcessCpu.ownNanos());
    }

    /** CPU counters at the start of a phase. */
    record Meter(BrokerProcess broker, long brokerStart, long clientStart) {
        CpuCost stop(String phase, long messages) {
            return new CpuCost(phase, messages, broker.cpuNanos() - brokerStart, ProcessCpu.ownNanos() - clientStart);
        }
    }

    double brokerMicrosPerMessage() {
        return perMessage(brokerNanos);
    }

    double clientMicrosPerMessage() {
        return perMessage(clientNanos);
    }

    private double perMessage(long nanos) {
        return messages == 0 ? Double.NaN : nanos / 1000.0 / messages;
    }
}
