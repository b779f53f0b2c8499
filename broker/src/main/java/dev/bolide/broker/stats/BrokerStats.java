package dev.bolide.broker.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Message counts mqadmin reports: messages stored and delivered, their rates, the totals at the
 * start of today and yesterday, pull requests that found messages or none, deliveries per consumer
 * group, and per topic (stored) and per
 * topic and group (delivered) over the last minute, hour and day. {@link #sample()} runs once a
 * second.
 */
public final class BrokerStats {
    private final Clock clock;
    private final RateCounter puts = new RateCounter();
    private final LongAdder putBytes = new LongAdder();
    private final RateCounter gets = new RateCounter();
    /** Pull requests that found messages, found none, and both. */
    private final RateCounter pullsFound = new RateCounter();
    private final RateCounter pullsMissed = new RateCounter();
    private final RateCounter pulls = new RateCounter();
    private final Map<String, RateCounter> getsByGroup = new ConcurrentHashMap<>();
    /** RocketMQ's TOPIC_PUT_NUMS, by topic. */
    private final Map<String, WindowedCounter> putsByTopic = new ConcurrentHashMap<>();
    /** RocketMQ's GROUP_GET_NUMS, by {@code topic@group}. */
    private final Map<String, WindowedCounter> getsByTopicAndGroup = new ConcurrentHashMap<>();
    /** The bytes beside those counts, by topic and by {@code topic@group}, for /metrics. */
    private final Map<String, LongAdder> putBytesByTopic = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> getBytesByTopicAndGroup = new ConcurrentHashMap<>();
    private final long startedMillis;
    private LocalDate today;
    private DayStart todayMorning = new DayStart(0, 0);
    private DayStart yesterdayMorning = new DayStart(0, 0);

    /** Totals at the start of a day. */
    public record DayStart(long puts, long gets) {
    }

    public BrokerStats(Clock clock) {
        this.clock = clock;
        this.today = LocalDate.now(clock);
        this.startedMillis = clock.millis();
    }

    public void stored(String topic, int messages, long bytes) {
        puts.add(messages);
        putBytes.add(bytes);
        windowed(putsByTopic, topic).add(messages);
        putBytesByTopic.computeIfAbsent(topic, t -> new LongAdder()).add(bytes);
    }

    /** The bytes of every message stored since the broker started. */
    public long storedBytes() {
        return putBytes.sum();
    }

    public void delivered(String group, String topic, int messages, long bytes) {
        gets.add(messages);
        getsByGroup.computeIfAbsent(group, g -> new RateCounter()).add(messages);
        windowed(getsByTopicAndGroup, topic + "@" + group).add(messages);
        getBytesByTopicAndGroup.computeIfAbsent(topic + "@" + group, t -> new LongAdder()).add(bytes);
    }

    /** Messages and bytes stored in a topic since the broker started, for each topic that had some. */
    public Map<String, Traffic> storedByTopic() {
        return traffic(putsByTopic, putBytesByTopic);
    }

    /** Messages and bytes delivered since the broker started, by {@code topic@group}. */
    public Map<String, Traffic> deliveredByTopicAndGroup() {
        return traffic(getsByTopicAndGroup, getBytesByTopicAndGroup);
    }

    private static Map<String, Traffic> traffic(Map<String, WindowedCounter> messages, Map<String, LongAdder> bytes) {
        Map<String, Traffic> traffic = new TreeMap<>();
        messages.forEach((key, counter) -> {
            LongAdder sum = bytes.get(key);
            if (sum != null) {
                traffic.put(key, new Traffic(counter, sum));
            }
        });
        return traffic;
    }

    /** The live counters of one topic (or topic and group): they keep counting after this is taken. */
    public record Traffic(WindowedCounter messages, LongAdder bytes) {
    }

    /** Counts a pull request by whether it found messages. */
    public void pulled(boolean found) {
        pulls.add(1);
        (found ? pullsFound : pullsMissed).add(1);
    }

    public RateCounter pulls() {
        return pulls;
    }

    public RateCounter pullsFound() {
        return pullsFound;
    }

    public RateCounter pullsMissed() {
        return pullsMissed;
    }

    private WindowedCounter windowed(Map<String, WindowedCounter> counters, String key) {
        return counters.computeIfAbsent(key, k -> new WindowedCounter(clock.millis()));
    }

    /** Messages stored in the topic, if any were since the broker started. */
    public Optional<WindowedCounter> topicPuts(String topic) {
        return Optional.ofNullable(putsByTopic.get(topic));
    }

    /** Messages of the topic delivered to the group, if any were since the broker started. */
    public Optional<WindowedCounter> groupGets(String topic, String group) {
        return Optional.ofNullable(getsByTopicAndGroup.get(topic + "@" + group));
    }

    public RateCounter puts() {
        return puts;
    }

    public RateCounter gets() {
        return gets;
    }

    /** Deliveries per second to the group over the last minute. */
    public double groupGetsPerSecond(String group) {
        RateCounter counter = getsByGroup.get(group);
        return counter == null ? 0 : counter.perSecond(60);
    }

    public long startedMillis() {
        return startedMillis;
    }

    public synchronized DayStart todayMorning() {
        return todayMorning;
    }

    public synchronized DayStart yesterdayMorning() {
        return yesterdayMorning;
    }

    /** Takes the one-second samples and, past midnight, starts a new day. */
    public void sample() {
        puts.sample();
        gets.sample();
        pulls.sample();
        pullsFound.sample();
        pullsMissed.sample();
        getsByGroup.values().forEach(RateCounter::sample);
        long now = clock.millis();
        putsByTopic.values().forEach(counter -> counter.sample(now));
        getsByTopicAndGroup.values().forEach(counter -> counter.sample(now));
        rollDay();
    }

    private synchronized void rollDay() {
        LocalDate now = LocalDate.now(clock);
        if (!now.equals(today)) {
            today = now;
            yesterdayMorning = todayMorning;
            todayMorning = new DayStart(puts.total(), gets.total());
        }
    }
}
