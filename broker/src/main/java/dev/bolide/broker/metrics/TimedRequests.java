package dev.bolide.broker.metrics;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A processor whose requests are timed from the start of their processing to their answer
 * (a send: until it may be acknowledged, so the flush it waits for counts; a pull: until it is
 * answered or held, so the wait of a held pull does not count), and whose refused requests are
 * counted.
 */
public final class TimedRequests implements RequestProcessor {
    static final String SEND_LATENCY = "bolide.send.latency";
    static final String SEND_REFUSED = "bolide.send.refused";
    static final String PULL_LATENCY = "bolide.pull.latency";

    private final RequestProcessor processor;
    private final Timer timer;
    /** Sends whose messages were not stored (RocketMQ's putMessageFailedTimes); null for pulls. */
    private final Counter refused;

    private TimedRequests(RequestProcessor processor, Timer timer, Counter refused) {
        this.processor = processor;
        this.timer = timer;
        this.refused = refused;
    }

    /** Sends timed into {@code bolide_send_latency_seconds}, refusals counted in {@code bolide_send_refused_total}. */
    public static RequestProcessor sends(RequestProcessor processor, MeterRegistry registry) {
        return new TimedRequests(processor, LatencyHistogram.timer(SEND_LATENCY,
                "time from a send's processing to its answer", registry),
                Counter.builder(SEND_REFUSED).description("sends whose messages were not stored")
                        .register(registry));
    }

    /** Pulls timed into {@code bolide_pull_latency_seconds}. */
    public static RequestProcessor pulls(RequestProcessor processor, MeterRegistry registry) {
        return new TimedRequests(processor, LatencyHistogram.timer(PULL_LATENCY,
                "time a pull took to be answered or held", registry), null);
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
            throws Exception {
        long started = System.nanoTime();
        CompletableFuture<RemotingCommand> answer = processor.process(channel, request);
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            answered(started, answer.join());
            return answer;
        }
        return answer.whenComplete((response, failure) -> answered(started, response));
    }

    /** @param response null when processing failed */
    private void answered(long started, RemotingCommand response) {
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (refused != null && !stored(response)) {
            refused.increment();
        }
    }

    /** A flush or slave that did not answer in time still leaves the message stored, as in RocketMQ. */
    private static boolean stored(RemotingCommand response) {
        return response != null && switch (response.code()) {
            case ResponseCode.SUCCESS, ResponseCode.FLUSH_DISK_TIMEOUT, ResponseCode.SLAVE_NOT_AVAILABLE,
                    ResponseCode.FLUSH_SLAVE_TIMEOUT -> true;
            default -> false;
        };
    }
}
