package dev.bolide.broker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * RocketMQ's store latency figures of GET_BROKER_RUNTIME_INFO (mqadmin {@code brokerStatus}), read
 * from the send and pull histograms of /metrics rather than counted twice:
 * {@code putMessageEntireTimeMax} and {@code getMessageEntireTimeMax} (ms), {@code putMessageFailedTimes},
 * {@code putMessageDistributeTime} and {@code putLatency99} / {@code putLatency999} (ms, interpolated
 * within a bucket as RocketMQ does).
 *
 * <p>Where RocketMQ differs: its distribution and percentiles cover the last minute and its maxima
 * the whole run; here the distribution and percentiles cover the whole run and the maxima the last
 * two minutes (Micrometer's window). A send is timed from its processing to its answer, RocketMQ's
 * put from the store call to its answer; both include the flush and slave waits.
 */
public final class StoreLatencyFigures {
    /** RocketMQ's buckets of {@code putMessageDistributeTime}: upper bounds in ms, the last one open. */
    private static final long[] DISTRIBUTION_BOUNDS = {1, 10, 50, 100, 200, 500, 1_000, 2_000, 3_000, 4_000, 5_000,
        10_000};
    private static final String[] DISTRIBUTION_NAMES = {"[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]",
        "[100~200ms]", "[200~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]"};

    private final MeterRegistry registry;

    public StoreLatencyFigures(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Puts the figures into the runtime table; a slave, which takes no sends, shows no sends. */
    public void putInto(Map<String, String> table) {
        Timer sends = registry.find(TimedRequests.SEND_LATENCY).timer();
        Timer pulls = registry.find(TimedRequests.PULL_LATENCY).timer();
        Counter refused = registry.find(TimedRequests.SEND_REFUSED).counter();
        CountAtBucket[] buckets = sends == null ? new CountAtBucket[0] : sends.takeSnapshot().histogramCounts();
        long total = sends == null ? 0 : sends.count();
        table.put("putMessageEntireTimeMax", Long.toString(maxMillis(sends)));
        table.put("getMessageEntireTimeMax", Long.toString(maxMillis(pulls)));
        table.put("putMessageFailedTimes", Long.toString(refused == null ? 0 : (long) refused.count()));
        table.put("putMessageDistributeTime", distribution(buckets, total));
        table.put("putLatency99", String.format(Locale.ROOT, "%.2f", percentile(buckets, total, 0.99)));
        table.put("putLatency999", String.format(Locale.ROOT, "%.2f", percentile(buckets, total, 0.999)));
    }

    private static long maxMillis(Timer timer) {
        return timer == null ? 0 : (long) timer.max(TimeUnit.MILLISECONDS);
    }

    /** {@code [<=0ms]:n [0~10ms]:n ... [10s~]:n }, each count that of its own bucket, as RocketMQ prints it. */
    static String distribution(CountAtBucket[] buckets, long total) {
        StringBuilder text = new StringBuilder();
        long below = 0;
        for (int i = 0; i < DISTRIBUTION_NAMES.length; i++) {
            long upTo = i < DISTRIBUTION_BOUNDS.length ? countUpTo(buckets, DISTRIBUTION_BOUNDS[i]) : total;
            text.append(DISTRIBUTION_NAMES[i]).append(':').append(upTo - below).append(' ');
            below = upTo;
        }
        return text.toString();
    }

    /** The cumulative count of the bucket whose bound is {@code millis} (one of the histogram's bounds). */
    private static long countUpTo(CountAtBucket[] buckets, long millis) {
        if (buckets.length == 0) {
            return 0; // no send histogram: a slave
        }
        for (CountAtBucket bucket : buckets) {
            if (bucket.bucket(TimeUnit.MILLISECONDS) == millis) {
                return (long) bucket.count();
            }
        }
        throw new IllegalStateException("the latency histograms lack the bound " + millis + " ms");
    }

    /**
     * RocketMQ's {@code findPutMessageEntireTimePX}: the bucket holding the {@code px} quantile, and a
     * linear guess within it; 0 without sends. Counts above the last bound count as at it.
     */
    static double percentile(CountAtBucket[] buckets, long total, double px) {
        long index = (long) (total * px);
        double lowerBound = 0;
        long below = 0;
        for (CountAtBucket bucket : buckets) {
            long upTo = (long) bucket.count();
            double bound = bucket.bucket(TimeUnit.MILLISECONDS);
            long inBucket = upTo - below;
            if (index <= upTo) {
                return inBucket == 0 ? lowerBound : lowerBound + (bound - lowerBound) * (index - below) / inBucket;
            }
            below = upTo;
            lowerBound = bound;
        }
        return lowerBound;
    }
}
