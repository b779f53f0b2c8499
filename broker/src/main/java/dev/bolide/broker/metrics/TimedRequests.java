package dev.bolide.broker.metrics;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A processor whose requests are timed from the start of their processing to their answer
 * (a send: until it may be acknowledged, so the flush it waits for counts; a pull: until it is
 * answered or held, so the wait of a held pull does not count).
 */
public final class TimedRequests implements RequestProcessor {
    private final RequestProcessor processor;
    private final Timer timer;

    private TimedRequests(RequestProcessor processor, Timer timer) {
        this.processor = processor;
        this.timer = timer;
    }

    /** Sends timed into {@code bolide_send_latency_seconds}. */
    public static RequestProcessor sends(RequestProcessor processor, MeterRegistry registry) {
        return new TimedRequests(processor, LatencyHistogram.timer("bolide.send.latency",
                "time from a send's processing to its answer", registry));
    }

    /** Pulls timed into {@code bolide_pull_latency_seconds}. */
    public static RequestProcessor pulls(RequestProcessor processor, MeterRegistry registry) {
        return new TimedRequests(processor, LatencyHistogram.timer("bolide.pull.latency",
                "time a pull took to be answered or held", registry));
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request)
            throws Exception {
        long started = System.nanoTime();
        CompletableFuture<RemotingCommand> answer = processor.process(channel, request);
        if (answer.isDone()) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return answer;
        }
        return answer.whenComplete((response, failure) -> timer.record(System.nanoTime() - started,
                TimeUnit.NANOSECONDS));
    }
}
