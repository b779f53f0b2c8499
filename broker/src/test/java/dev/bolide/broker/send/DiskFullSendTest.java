package dev.bolide.broker.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.offset.UnconsumedMessages;
import dev.bolide.broker.timer.TimerService;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose disk is above {@code diskSpaceWarningLevelRatio} while its oldest files hold
 * messages a group has not consumed: sends get RocketMQ's SERVICE_NOT_AVAILABLE (14) with the
 * reason, and nothing is deleted. (The store's DiskFullTest fills real small volumes; here the
 * ratios stand in for the full disk, as the broker's part is the answer.)
 */
class DiskFullSendTest {
    @TempDir
    Path dir;

    private StoreConfig.Builder config() {
        return StoreConfig.builder(dir.resolve("store")).mappedFileSizeCommitLog(64 * 1024).maxMessageSize(4096)
                .maxHashSlotNum(64).maxIndexNum(500).cleanResourceInterval(Duration.ofHours(1))
                .deleteWhen(Set.of((LocalTime.now().getHour() + 12) % 24));
    }

    @Test
    void sendsAreRefusedWithServiceNotAvailableNamingTheGroupThatHoldsTheFiles() throws Exception {
        try (MessageStore store = MessageStore.open(config().build())) {
            for (int i = 0; i < 200; i++) {
                store.append(MessageToStore.builder("TopicTest", 0, new byte[1000]).build());
            }
        }
        StoreConfig full = config().diskMaxUsedSpaceRatio(0).diskSpaceCleanForciblyRatio(0)
                .diskSpaceWarningLevelRatio(0).build();
        try (MessageStore store = MessageStore.open(full);
                TimerService timers = TimerService.start(store, full, TimerSettings.DEFAULT)) {
            ConsumerOffsets offsets = ConsumerOffsets.load(new MetadataFile(dir.resolve("config/consumerOffset.json")));
            offsets.commit("CG", "TopicTest", 0, 3);
            store.setRetentionFloor(new UnconsumedMessages(offsets, store));
            Awaitility.await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
            long before = store.commitLogMinOffset();

            store.deleteExpiredFiles();
            RemotingCommand response = send(store, timers);

            assertThat(response.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
            assertThat(response.remark()).contains("disk full", "above diskSpaceWarningLevelRatio 0.0%",
                    "needed by group CG on topic TopicTest, queue 0, from offset 3",
                    "cleanUnconsumedFileForciblyEnable=true");
            assertThat(store.commitLogMinOffset()).isEqualTo(before);
            assertThat(store.maxOffset("TopicTest", 0)).isEqualTo(200);
        }
    }

    private RemotingCommand send(MessageStore store, TimerService timers) throws Exception {
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(dir.resolve("config/topics.json")),
                Clock.systemUTC());
        topics.put(TopicConfig.of("TopicTest", 4));
        SendMessageProcessor processor = new SendMessageProcessor(store, topics, timers, "DefaultCluster",
                "DefaultRegion", 64 * 1024, Diversion.NONE);
        try (Loopback loopback = Loopback.start(Map.of(RequestCode.SEND_MESSAGE_V2, processor))) {
            return loopback.call(RequestCode.SEND_MESSAGE_V2, SendRequests.v2Header("TopicTest", 0, ""),
                    "Hello".getBytes(StandardCharsets.UTF_8));
        }
    }
}
