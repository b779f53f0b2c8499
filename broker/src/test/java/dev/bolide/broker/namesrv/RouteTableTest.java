package dev.bolide.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.topic.TopicConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = new RouteTable();

    @Test
    void aMastersTopicsBecomeRoutesInTheStandardJsonForm() {
        routes.register("DefaultCluster", "broker-a", 0, "192.168.0.1:10911", List.of(TopicConfig.of("TopicTest", 4)));

        byte[] body = RouteJson.topicRoute(routes.route("TopicTest").orElseThrow());

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":"
                + "\"192.168.0.1:10911\"},\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}],"
                + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,"
                + "\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}");
    }

    @Test
    void aSlaveAddsAnAddressButNoTopics() {
        routes.register("C", "broker-a", 0, "10.0.0.1:10911", List.of(TopicConfig.of("T", 4)));
        routes.register("C", "broker-a", 1, "10.0.0.2:10911", List.of(TopicConfig.of("OnlyOnSlave", 4)));

        assertThat(routes.route("T").orElseThrow().brokerDatas().get(0).addresses()).containsOnlyKeys(0L, 1L);
        assertThat(routes.route("OnlyOnSlave")).isEmpty();
    }

    @Test
    void aBrokerWithoutAddressesLeavesEveryRoute() {
        routes.register("C", "broker-a", 0, "10.0.0.1:10911", List.of(TopicConfig.of("T", 4)));

        routes.unregister("broker-a", "10.0.0.1:10911");

        assertThat(routes.route("T")).isEmpty();
        assertThat(routes.topicNames()).isEmpty();
    }

    @Test
    void clusterInfoListsBrokersByCluster() {
        routes.register("C", "broker-b", 0, "10.0.0.2:10911", List.of());
        routes.register("C", "broker-a", 0, "10.0.0.1:10911", List.of());

        assertThat(new String(RouteJson.clusterInfo(routes.brokers()), StandardCharsets.UTF_8))
                .contains("\"clusterAddrTable\":{\"C\":[\"broker-a\",\"broker-b\"]}");
    }
}
