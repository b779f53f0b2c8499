package dev.bolide.broker.slave;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.registration.RegistrationAnswer;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A slave's copy of its master's metadata, RocketMQ's {@code SlaveSynchronize}: every
 * {@link #PERIOD} the slave asks the master for its topic configs, consumer offsets, delay
 * progress and subscription groups, over the remoting protocol, and persists them, so that
 * consumers moving to the slave (their master down) go on from where they were, and a slave made
 * master knows the topics, groups and delay progress. The master's client address is learned from
 * the name servers' registration answers ({@link #learn}); nothing is copied while none names a
 * master. Each of the four is copied on its own: one the master fails to give is logged and tried
 * again next time.
 */
public final class SlaveSynchronize implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SlaveSynchronize.class.getName());
    /** How often the slave copies, as RocketMQ does. */
    public static final Duration PERIOD = Duration.ofSeconds(10);
    /** RocketMQ's timeout for each of the four requests. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final JsonFactory JSON = new JsonFactory();

    private final RemotingClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bolide-slave-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final String ownAddress;
    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final SubscriptionGroupTable groups;
    private final MetadataFile delayProgress;
    private volatile String masterAddr;

    /**
     * @param client what reaches the master (TLS and signing as the broker's own requests are);
     *        the caller closes it
     * @param ownAddress this broker's client address: a registration answer naming it (a broker
     *        made master that still thinks it is a slave) is not copied from
     * @param delayProgress the slave's {@code delayOffset.json}, written as the master's
     */
    public SlaveSynchronize(RemotingClient client, String ownAddress, TopicConfigTable topics,
            ConsumerOffsets offsets, SubscriptionGroupTable groups, MetadataFile delayProgress) {
        this.client = client;
        this.ownAddress = ownAddress;
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.delayProgress = delayProgress;
    }

    /** Copies now, then every {@link #PERIOD}, until closed. */
    public void start() {
        scheduler.scheduleAtFixedRate(this::syncAll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops copying. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Takes the master's address from a registration answer (none when it names no master). */
    public void learn(RegistrationAnswer answer) {
        masterAddr = answer.masterAddr();
    }

    /** The master copied from, or null while no registration answer named one. */
    public String masterAddr() {
        return masterAddr;
    }

    /**
     * The master's CommitLog end, asked now: the {@code commitLogMaxOffset} of its runtime info,
     * which Apache RocketMQ masters list too. Empty when no master is known or it does not answer.
     */
    public CompletableFuture<OptionalLong> masterCommitLogEnd() {
        String master = masterAddr;
        if (master == null || master.equals(ownAddress)) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }
        return client.invoke(master, RequestCode.GET_BROKER_RUNTIME_INFO, Map.of(), null, TIMEOUT)
                .thenApply(SlaveSynchronize::commitLogEnd).exceptionally(failure -> OptionalLong.empty());
    }

    private static OptionalLong commitLogEnd(RemotingCommand runtimeInfo) {
        if (runtimeInfo.code() != ResponseCode.SUCCESS || runtimeInfo.body() == null) {
            return OptionalLong.empty();
        }
        try (JsonParser json = JSON.createParser(runtimeInfo.body())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.FIELD_NAME && json.currentName().equals("commitLogMaxOffset")
                        && json.nextToken() == JsonToken.VALUE_STRING) {
                    return OptionalLong.of(Long.parseLong(json.getText()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "unreadable runtime info from the master: {0}", e.toString());
        }
        return OptionalLong.empty();
    }

    /** Copies the four tables from the master, if one is known. Never throws: it runs periodically. */
    public void syncAll() {
        String master = masterAddr;
        if (master == null || master.equals(ownAddress)) {
            return;
        }
        copy(master, RequestCode.GET_ALL_TOPIC_CONFIG, "topic configs", topics::copyMasters);
        // persisted with the slave's own commits, by the broker's periodic offset flush
        copy(master, RequestCode.GET_ALL_CONSUMER_OFFSET, "consumer offsets", json -> {
            offsets.copyMasters(json);
            return true;
        });
        copy(master, RequestCode.GET_ALL_DELAY_OFFSET, "delay offsets", json -> {
            delayProgress.store(json);
            return true;
        });
        copy(master, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, "subscription groups", groups::copyMasters);
    }

    /** Takes a master's table into the slave's; true when that changed it. */
    @FunctionalInterface
    private interface Copy {
        boolean take(String json) throws IOException;
    }

    private void copy(String master, int code, String what, Copy copy) {
        try {
            RemotingCommand response = client.invoke(master, code, Map.of(), null, TIMEOUT)
                    .get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
                throw new IOException("code " + response.code() + ", " + response.remark());
            }
            if (copy.take(new String(response.body(), StandardCharsets.UTF_8))) {
                LOG.log(System.Logger.Level.DEBUG, "copied the {0} of master {1}", what, master);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot copy the {0} of master {1} (tried again in {2} s): {3}",
                    what, master, PERIOD.toSeconds(), e.getCause() == null ? e : e.getCause());
        }
    }
}
