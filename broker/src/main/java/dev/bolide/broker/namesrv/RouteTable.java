package dev.bolide.broker.namesrv;

import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.VersionedTopics;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The name server's registry: brokers by name (cluster and addresses per broker id), from each
 * master's registration the topics it serves, and per broker address when it last registered.
 * Topics missing from a later registration are not removed: they leave only with their broker, as
 * in RocketMQ. An address leaves when its broker unregisters, when it has not registered for
 * {@link #EXPIRY} or when the connection it registered over closes.
 */
public final class RouteTable {
    /** brokerId 0 is the master. */
    public static final long MASTER_ID = 0;
    /** A broker that has not registered for this long is gone (brokers register every 10 to 60 s). */
    public static final Duration EXPIRY = Duration.ofSeconds(120);

    /** One broker name: its cluster and its addresses by broker id. */
    public record Broker(String cluster, String brokerName, Map<Long, String> addresses) {
    }

    /** How one broker serves one topic. */
    public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
    }

    /** A topic's route: the brokers serving it and their addresses. */
    public record TopicRoute(List<QueueData> queueDatas, List<Broker> brokerDatas) {
    }

    /** Where a slave's master is: its client address and the address it replicates from (may be null). */
    public record Master(String address, String haServerAddr) {
    }

    /**
     * The last registration from one address; {@code connection} is null for a broker that
     * registered in-process, which therefore only leaves by expiry or unregistration.
     */
    private record Liveness(String brokerName, long lastUpdateMillis, DataVersion dataVersion, Channel connection,
            String haServerAddr) {
        Liveness touched(long now) {
            return new Liveness(brokerName, now, dataVersion, connection, haServerAddr);
        }
    }

    private final Clock clock;
    private final Map<String, Broker> brokers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, QueueData>> topics = new ConcurrentHashMap<>();
    private final Map<String, Liveness> liveness = new ConcurrentHashMap<>();

    /** @param clock tells when registrations happen, for expiry */
    public RouteTable(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a broker's registration. A master's topics replace its queue data when this is its
     * first registration or its data version changed; a slave's topics are ignored.
     *
     * @param connection the connection the registration came over; null when in-process
     * @return for a slave, its master as far as known (what REGISTER_BROKER answers a slave); empty for a master
     */
    public synchronized Optional<Master> register(BrokerIdentity identity, VersionedTopics table,
            Channel connection) {
        Broker broker = brokers.computeIfAbsent(identity.brokerName(),
                name -> new Broker(identity.cluster(), name, new ConcurrentHashMap<>()));
        broker.addresses().values().remove(identity.address());
        broker.addresses().put(identity.brokerId(), identity.address());
        Liveness previous = liveness.put(identity.address(), new Liveness(identity.brokerName(), clock.millis(),
                table.dataVersion(), connection, identity.haServerAddr()));
        boolean changed = previous == null || !previous.dataVersion().equals(table.dataVersion());
        if (identity.isMaster() && changed) {
            putQueueData(identity.brokerName(), table.topics().values());
        }
        return identity.isMaster() ? Optional.empty() : master(identity.brokerName());
    }

    private void putQueueData(String brokerName, Collection<TopicConfig> topicConfigs) {
        for (TopicConfig topic : topicConfigs) {
            topics.computeIfAbsent(topic.topicName(), name -> new ConcurrentHashMap<>()).put(brokerName,
                    new QueueData(brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                            topic.topicSysFlag()));
        }
    }

    /**
     * Removes {@code topic} from the routes of the brokers of {@code cluster}, or from every route
     * when {@code cluster} is null or empty (DELETE_TOPIC_IN_NAMESRV). The topic comes back only when
     * one of its brokers registers with a changed data version still serving it.
     */
    public synchronized void deleteTopic(String topic, String cluster) {
        Map<String, QueueData> byBroker = topics.get(topic);
        if (byBroker == null) {
            return;
        }
        if (cluster == null || cluster.isEmpty()) {
            topics.remove(topic);
            return;
        }
        brokers.values().stream().filter(broker -> broker.cluster().equals(cluster))
                .forEach(broker -> byBroker.remove(broker.brokerName()));
        if (byBroker.isEmpty()) {
            topics.remove(topic);
        }
    }

    /**
     * WIPE_WRITE_PERM_OF_BROKER and ADD_WRITE_PERM_OF_BROKER: the permission of every topic
     * {@code brokerName} serves loses the write bit, or becomes read and write (inheritance dropped,
     * as in RocketMQ), so producers stop or start sending to it. Only the routes change; the broker's
     * next registration with a changed data version puts its own permissions back.
     *
     * @return how many topics were changed
     */
    public synchronized int setWritable(String brokerName, boolean writable) {
        int changed = 0;
        for (Map<String, QueueData> byBroker : topics.values()) {
            QueueData queue = byBroker.get(brokerName);
            if (queue != null) {
                int perm = writable ? TopicConfig.PERM_READ_WRITE : queue.perm() & ~TopicConfig.PERM_WRITE;
                byBroker.put(brokerName, new QueueData(brokerName, queue.readQueueNums(), queue.writeQueueNums(), perm,
                        queue.topicSysFlag()));
                changed++;
            }
        }
        return changed;
    }

    /** Removes one address of a broker; a broker left without addresses leaves every route. */
    public synchronized void unregister(String brokerName, String address) {
        liveness.remove(address);
        Broker broker = brokers.get(brokerName);
        if (broker == null) {
            return;
        }
        broker.addresses().values().remove(address);
        if (broker.addresses().isEmpty()) {
            brokers.remove(brokerName);
            topics.values().forEach(byBroker -> byBroker.remove(brokerName));
            topics.values().removeIf(Map::isEmpty);
        }
    }

    /** Removes the addresses that have not registered for {@link #EXPIRY}; returns them. */
    public synchronized List<String> removeExpired() {
        long oldest = clock.millis() - EXPIRY.toMillis();
        return removeWhere(live -> live.lastUpdateMillis() < oldest);
    }

    /** Removes the addresses registered over {@code connection}, which has closed; returns them. */
    public synchronized List<String> connectionClosed(Channel connection) {
        return removeWhere(live -> live.connection() == connection);
    }

    private List<String> removeWhere(Predicate<Liveness> gone) {
        List<Map.Entry<String, Liveness>> removed = liveness.entrySet().stream()
                .filter(entry -> gone.test(entry.getValue())).toList();
        removed.forEach(entry -> unregister(entry.getValue().brokerName(), entry.getKey()));
        return removed.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * QUERY_DATA_VERSION: whether {@code version} differs from the one {@code address} last
     * registered (true when it never did). An unchanged broker counts as alive again, since it is
     * about to skip its registration.
     */
    public synchronized boolean touchUnlessChanged(String address, DataVersion version) {
        Liveness live = liveness.get(address);
        if (live == null || !live.dataVersion().equals(version)) {
            return true;
        }
        liveness.put(address, live.touched(clock.millis()));
        return false;
    }

    /** The data version {@code address} last registered with, if it is registered. */
    public Optional<DataVersion> dataVersion(String address) {
        return Optional.ofNullable(liveness.get(address)).map(Liveness::dataVersion);
    }

    /** The master of {@code brokerName}, if one is registered. */
    public Optional<Master> master(String brokerName) {
        return Optional.ofNullable(brokers.get(brokerName)).map(broker -> broker.addresses().get(MASTER_ID))
                .map(address -> new Master(address, Optional.ofNullable(liveness.get(address))
                        .map(Liveness::haServerAddr).orElse(null)));
    }

    /** The route of a topic; empty unless some registered broker serves it. */
    public Optional<TopicRoute> route(String topic) {
        Map<String, QueueData> byBroker = topics.get(topic);
        if (byBroker == null) {
            return Optional.empty();
        }
        List<QueueData> queueDatas = new TreeMap<>(byBroker).values().stream()
                .filter(queue -> brokers.containsKey(queue.brokerName())).toList();
        List<Broker> brokerDatas = queueDatas.stream().map(queue -> brokers.get(queue.brokerName()))
                .map(b -> new Broker(b.cluster(), b.brokerName(), Map.copyOf(b.addresses()))).toList();
        return queueDatas.isEmpty() ? Optional.empty() : Optional.of(new TopicRoute(queueDatas, brokerDatas));
    }

    public Map<String, Broker> brokers() {
        return Map.copyOf(brokers);
    }

    /** The topics some broker of {@code cluster} serves; none for an unknown cluster. */
    public Collection<String> topicNames(String cluster) {
        Set<String> clusterBrokers = brokers.values().stream().filter(broker -> broker.cluster().equals(cluster))
                .map(Broker::brokerName).collect(Collectors.toSet());
        return topics.entrySet().stream()
                .filter(topic -> topic.getValue().keySet().stream().anyMatch(clusterBrokers::contains))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    public Collection<String> topicNames() {
        return new TreeSet<>(topics.keySet());
    }
}
