package dev.bolide.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.testsupport.MutableClock;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.VersionedTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final MutableClock clock = new MutableClock();
    private final RouteTable routes = new RouteTable(clock);

    private static BrokerIdentity broker(String cluster, String name, long id, String address) {
        return new BrokerIdentity(cluster, name, id, address, null);
    }

    private static VersionedTopics topics(long version, TopicConfig... topics) {
        return new VersionedTopics(new DataVersion(version, 1_700_000_000_000L), Arrays.stream(topics)
                .collect(Collectors.toMap(TopicConfig::topicName, Function.identity())));
    }

    @Test
    void aMastersTopicsBecomeRoutesInTheStandardJsonForm() {
        routes.register(broker("DefaultCluster", "broker-a", 0, "192.168.0.1:10911"),
                topics(1, TopicConfig.of("TopicTest", 4)), null);

        byte[] body = RouteJson.topicRoute(routes.route("TopicTest").orElseThrow(), null);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":"
                + "\"192.168.0.1:10911\"},\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}],"
                + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,"
                + "\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}");
    }

    @Test
    void aSlaveAddsAnAddressButNoTopics() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(1, TopicConfig.of("OnlyOnSlave", 4)),
                null);

        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses()).containsOnlyKeys(0L, 1L);
        assertThat(routes.route("OnlyOnSlave")).isEmpty();
    }

    @Test
    void aBrokerWithoutAddressesLeavesEveryRoute() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);

        routes.unregister("broker-a", "10.0.0.1:10911");

        assertThat(routes.route("T")).isEmpty();
        assertThat(routes.topicNames()).isEmpty();
    }

    @Test
    void clusterInfoListsBrokersByCluster() {
        routes.register(broker("C", "broker-b", 0, "10.0.0.2:10911"), topics(1), null);
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1), null);

        assertThat(new String(RouteJson.clusterInfo(routes.brokers()), StandardCharsets.UTF_8))
                .contains("\"clusterAddrTable\":{\"C\":[\"broker-a\",\"broker-b\"]}");
    }

    @Test
    void topicsMissingFromALaterRegistrationStayRoutable() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("Old", 4)), null);

        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(2, TopicConfig.of("New", 4)), null);

        assertThat(routes.route("Old")).isPresent();
        assertThat(routes.route("New")).isPresent();
    }

    @Test
    void anUnchangedDataVersionLeavesTheRoutesAlone() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);

        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 8)), null);

        assertThat(routes.route("T").orElseThrow().queueDatas().get(0).writeQueueNums()).isEqualTo(4);
    }

    @Test
    void aBrokerNotRegisteredFor120SecondsExpires() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        clock.advance(Duration.ofSeconds(120));
        assertThat(routes.removeExpired()).isEmpty();

        clock.advance(Duration.ofMillis(1));

        assertThat(routes.removeExpired()).containsExactly("10.0.0.1:10911");
        assertThat(routes.route("T")).isEmpty();
        assertThat(routes.brokers()).isEmpty();
    }

    @Test
    void registeringAgainKeepsABrokerAlive() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        clock.advance(Duration.ofSeconds(100));
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);

        clock.advance(Duration.ofSeconds(100));

        assertThat(routes.removeExpired()).isEmpty();
        assertThat(routes.route("T")).isPresent();
    }

    @Test
    void anExpiredSlaveLeavesItsMastersRoutes() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(1), null);
        clock.advance(Duration.ofSeconds(100));
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);

        clock.advance(Duration.ofSeconds(30));

        assertThat(routes.removeExpired()).containsExactly("10.0.0.2:10911");
        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses()).containsOnlyKeys(0L);
    }

    @Test
    void aSlavesRegistrationDoesNotReplaceItsMaster() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(7), null);

        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses())
                .containsEntry(0L, "10.0.0.1:10911").containsEntry(1L, "10.0.0.2:10911");
        assertThat(routes.route("T").orElseThrow().queueDatas().get(0).writeQueueNums()).isEqualTo(4);
    }

    @Test
    void whenTheMasterUnregistersItsSlaveKeepsServingItsTopics() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(1), null);

        routes.unregister("broker-a", "10.0.0.1:10911");

        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses())
                .containsExactly(java.util.Map.entry(1L, "10.0.0.2:10911"));
        assertThat(routes.master("broker-a")).isEmpty();
    }

    @Test
    void whenTheMastersRegistrationExpiresItsSlaveKeepsServingItsTopics() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(1), null);
        clock.advance(Duration.ofSeconds(100));
        routes.register(broker("C", "broker-a", 1, "10.0.0.2:10911"), topics(1), null);

        clock.advance(Duration.ofSeconds(30));

        assertThat(routes.removeExpired()).containsExactly("10.0.0.1:10911");
        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses()).containsOnlyKeys(1L);
    }

    @Test
    void aBrokerThatIsRegisteredAgainAfterExpiryGetsItsTopicsBack() {
        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        clock.advance(Duration.ofSeconds(121));
        routes.removeExpired();

        routes.register(broker("C", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);

        assertThat(routes.route("T")).isPresent();
    }

    @Test
    void aTopicDeletedForOneClusterStaysRoutedOnTheOthers() {
        routes.register(broker("C1", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("T", 4)), null);
        routes.register(broker("C2", "broker-b", 0, "10.0.0.2:10911"), topics(1, TopicConfig.of("T", 4)), null);

        routes.deleteTopic("T", "C1");

        assertThat(routes.route("T").orElseThrow().queueDatas()).extracting(RouteTable.QueueData::brokerName)
                .containsExactly("broker-b");
        routes.deleteTopic("T", null);
        assertThat(routes.route("T")).isEmpty();
    }

    @Test
    void writePermissionIsWipedUntilAddedOrTheBrokerRegistersAChange() {
        BrokerIdentity a = broker("C", "broker-a", 0, "10.0.0.1:10911");
        routes.register(a, topics(1, TopicConfig.of("T", 4), TopicConfig.of("U", 2)), null);

        int wiped = routes.setWritable("broker-a", false);
        routes.register(a, topics(1, TopicConfig.of("T", 4), TopicConfig.of("U", 2)), null);

        assertThat(wiped).isEqualTo(2);
        assertThat(routes.route("T").orElseThrow().queueDatas().get(0).perm()).isEqualTo(TopicConfig.PERM_READ);
        assertThat(routes.setWritable("broker-a", true)).isEqualTo(2);
        assertThat(routes.route("U").orElseThrow().queueDatas().get(0).perm()).isEqualTo(TopicConfig.PERM_READ_WRITE);
        routes.setWritable("broker-a", false);
        routes.register(a, topics(2, TopicConfig.of("T", 4)), null);
        assertThat(routes.route("T").orElseThrow().queueDatas().get(0).perm()).isEqualTo(TopicConfig.PERM_READ_WRITE);
    }

    @Test
    void aClustersTopicsAreThoseItsBrokersServe() {
        routes.register(broker("C1", "broker-a", 0, "10.0.0.1:10911"), topics(1, TopicConfig.of("A", 4),
                TopicConfig.of("Both", 4)), null);
        routes.register(broker("C2", "broker-b", 0, "10.0.0.2:10911"), topics(1, TopicConfig.of("Both", 4)), null);

        assertThat(routes.topicNames("C1")).containsExactly("A", "Both");
        assertThat(routes.topicNames("C2")).containsExactly("Both");
        assertThat(routes.topicNames("Unknown")).isEmpty();
    }
}
