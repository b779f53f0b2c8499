package dev.bolide.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.testsupport.MutableClock;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.namesrv.RouteTable;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.VersionedTopics;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameServerRegistrationTest {
    private static final BrokerIdentity BROKER = new BrokerIdentity("C", "broker-b", 0, "10.0.0.5:10911",
            "10.0.0.5:10912");
    private static final Duration LONG_PERIOD = Duration.ofHours(1);

    /** A name server that records what it is sent, or fails every request. */
    private static final class RecordingNameServer implements NameServerEndpoint {
        final List<VersionedTopics> registered = new CopyOnWriteArrayList<>();
        final List<BrokerIdentity> unregistered = new CopyOnWriteArrayList<>();
        final boolean down;
        final RegistrationAnswer answer;

        RecordingNameServer(boolean down) {
            this(down, RegistrationAnswer.NO_MASTER);
        }

        RecordingNameServer(boolean down, RegistrationAnswer answer) {
            this.down = down;
            this.answer = answer;
        }

        @Override
        public CompletableFuture<RegistrationAnswer> register(BrokerIdentity broker, VersionedTopics topics) {
            registered.add(topics);
            return outcome().thenApply(done -> answer);
        }

        @Override
        public CompletableFuture<Void> unregister(BrokerIdentity broker) {
            unregistered.add(broker);
            return outcome();
        }

        private CompletableFuture<Void> outcome() {
            return down ? CompletableFuture.failedFuture(new ConnectException("connection refused"))
                    : CompletableFuture.completedFuture(null);
        }
    }

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingNameServer up = new RecordingNameServer(false);
    private final RecordingNameServer down = new RecordingNameServer(true);
    private TopicConfigTable topics;
    private final List<RegistrationAnswer> answers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void loadTopics() throws IOException {
        topics = TopicConfigTable.load(new MetadataFile(dir.resolve("topics.json")), new MutableClock());
        topics.put(TopicConfig.of("Orders", 4));
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private NameServerRegistration start(Duration period, NameServerEndpoint... nameServers)
            throws InterruptedException {
        return NameServerRegistration.start(BROKER, topics, () -> TopicConfig.PERM_READ_WRITE, List.of(nameServers), period,
                scheduler, answers::add);
    }

    @Test
    void theWholeTopicTableIsRegisteredWithEveryNameServerAtStart() throws Exception {
        RecordingNameServer other = new RecordingNameServer(false);

        try (NameServerRegistration registration = start(LONG_PERIOD, up, other)) {
            assertThat(up.registered).containsExactly(topics.snapshot());
            assertThat(other.registered).containsExactly(topics.snapshot());
        }
    }

    @Test
    void aReadOnlyBrokerRegistersEveryTopicReadOnlyAsRocketMqDoes() throws Exception {
        topics.put(new TopicConfig("Audit", 2, 2, TopicConfig.PERM_WRITE, TopicConfig.SINGLE_TAG, 0, false));

        try (NameServerRegistration registration = NameServerRegistration.start(BROKER, topics,
                () -> TopicConfig.PERM_READ, List.of(up), LONG_PERIOD, scheduler, answers::add)) {
            assertThat(up.registered.get(0).topics().values()).extracting(TopicConfig::perm)
                    .containsOnly(TopicConfig.PERM_READ);
            assertThat(up.registered.get(0).topics().get("Orders").readQueueNums()).isEqualTo(4);
        }
    }

    @Test
    void aPermissionChangedAtRunTimeIsRegisteredAtOnceUnderANewDataVersion() throws Exception {
        AtomicInteger permission = new AtomicInteger(TopicConfig.PERM_READ_WRITE);

        try (NameServerRegistration registration = NameServerRegistration.start(BROKER, topics, permission::get,
                List.of(up), LONG_PERIOD, scheduler, answers::add)) {
            VersionedTopics before = up.registered.get(0);
            permission.set(TopicConfig.PERM_READ);
            topics.nextVersion();

            VersionedTopics after = up.registered.get(up.registered.size() - 1);
            assertThat(after.dataVersion()).isNotEqualTo(before.dataVersion());
            assertThat(after.topics().get("Orders").perm()).isEqualTo(TopicConfig.PERM_READ);
        }
    }

    @Test
    void afterEachRoundTheFirstNameServerThatAcceptedTellsWhereTheMasterIs() throws Exception {
        RegistrationAnswer master = new RegistrationAnswer("10.0.0.4:10911", "10.0.0.4:10912");
        RecordingNameServer knowsTheMaster = new RecordingNameServer(false, master);

        try (NameServerRegistration registration = start(LONG_PERIOD, down, knowsTheMaster, up)) {
            assertThat(answers).containsExactly(master);
        }
    }

    @Test
    void aTopicChangeIsRegisteredAtOnceWithTheNextDataVersion() throws Exception {
        try (NameServerRegistration registration = start(LONG_PERIOD, up)) {
            topics.put(TopicConfig.of("Payments", 2));

            VersionedTopics last = up.registered.get(up.registered.size() - 1);
            assertThat(last.topics()).containsKeys("Orders", "Payments");
            assertThat(last.dataVersion().counter()).isEqualTo(up.registered.get(0).dataVersion().counter() + 1);
        }
    }

    @Test
    void theBrokerRegistersAgainEveryPeriod() throws Exception {
        try (NameServerRegistration registration = start(Duration.ofMillis(50), up)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> up.registered.size() >= 3);
        }
    }

    @Test
    void aNameServerThatIsDownKeepsNeitherTheStartNorTheOtherNameServersWaiting() throws Exception {
        try (NameServerRegistration registration = start(LONG_PERIOD, down, up)) {
            assertThat(down.registered).hasSize(1);
            assertThat(up.registered).hasSize(1);
        }
    }

    @Test
    void aNameServerThatIsDownIsTriedAgainNextPeriod() throws Exception {
        try (NameServerRegistration registration = start(Duration.ofMillis(50), down)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> down.registered.size() >= 3);
        }
    }

    @Test
    void closingUnregistersFromEveryNameServerAndStopsRegistering() throws Exception {
        NameServerRegistration registration = start(LONG_PERIOD, up, down);

        registration.close();
        topics.put(TopicConfig.of("AfterClose", 1));

        assertThat(up.unregistered).containsExactly(BROKER);
        assertThat(down.unregistered).containsExactly(BROKER);
        assertThat(up.registered).hasSize(1);
    }

    @Test
    void theEmbeddedNameServersEntryLivesAsLongAsThePeriodicRegistrationRefreshesIt() throws Exception {
        MutableClock clock = new MutableClock();
        RouteTable routes = new RouteTable(clock);
        try (NameServerRegistration registration = start(LONG_PERIOD, new InProcessNameServer(routes))) {
            for (int period = 0; period < 10; period++) {
                clock.advance(Duration.ofSeconds(60));
                registration.registerAll().get();
                routes.removeExpired();
            }

            assertThat(routes.route("Orders")).isPresent();
        }
    }
}
