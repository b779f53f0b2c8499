package dev.bolide.broker.namesrv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicTableJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON bodies of the name server's answers, in the standard form (quoted numeric keys), which
 * every 4.9.x client's fastjson parses.
 */
final class RouteJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RouteJson() {
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] json(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @param orderTopicConf the topic's order configuration, or null for none */
    static byte[] topicRoute(RouteTable.TopicRoute route, String orderTopicConf) {
        return json(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("brokerDatas");
            for (RouteTable.Broker broker : route.brokerDatas()) {
                broker(json, broker);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("filterServerTable");
            json.writeEndObject();
            if (orderTopicConf != null) {
                json.writeStringField("orderTopicConf", orderTopicConf);
            }
            json.writeArrayFieldStart("queueDatas");
            for (RouteTable.QueueData queue : route.queueDatas()) {
                json.writeStartObject();
                json.writeStringField("brokerName", queue.brokerName());
                json.writeNumberField("perm", queue.perm());
                json.writeNumberField("readQueueNums", queue.readQueueNums());
                json.writeNumberField("topicSysFlag", queue.topicSysFlag());
                json.writeNumberField("writeQueueNums", queue.writeQueueNums());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static byte[] clusterInfo(Map<String, RouteTable.Broker> brokers) {
        return json(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("brokerAddrTable");
            for (RouteTable.Broker broker : new TreeMap<>(brokers).values()) {
                json.writeFieldName(broker.brokerName());
                broker(json, broker);
            }
            json.writeEndObject();
            json.writeObjectFieldStart("clusterAddrTable");
            Map<String, TreeSet<String>> clusters = new TreeMap<>();
            brokers.values().forEach(b -> clusters.computeIfAbsent(b.cluster(), c -> new TreeSet<>()).add(b.brokerName()));
            for (Map.Entry<String, TreeSet<String>> cluster : clusters.entrySet()) {
                json.writeArrayFieldStart(cluster.getKey());
                for (String name : cluster.getValue()) {
                    json.writeString(name);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    static byte[] dataVersion(DataVersion version) {
        return json(json -> version.write(json));
    }

    static byte[] topicList(Collection<String> topics) {
        return json(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("topicList");
            for (String topic : topics) {
                json.writeString(topic);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void broker(JsonGenerator json, RouteTable.Broker broker) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("brokerAddrs");
        for (Map.Entry<Long, String> address : new TreeMap<>(broker.addresses()).entrySet()) {
            json.writeStringField(Long.toString(address.getKey()), address.getValue());
        }
        json.writeEndObject();
        json.writeStringField("brokerName", broker.brokerName());
        json.writeStringField("cluster", broker.cluster());
        json.writeEndObject();
    }
}
