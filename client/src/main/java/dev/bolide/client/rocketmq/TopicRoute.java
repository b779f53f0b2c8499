package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A topic's route from the name server: which brokers host it, with how many queues, at which
 * addresses. Producers use the write queues of brokers with a master; consumers the read queues.
 */
record TopicRoute(List<QueueData> queueDatas, Map<String, Map<Long, String>> brokerAddresses) {
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * For cluster info, which an Apache RocketMQ name server writes with fastjson's defaults: the
     * keys of {@code brokerAddrs} (broker ids) unquoted, {@code {0:"127.0.0.1:10911"}}. (Routes
     * come as standard JSON to clients that say they are 4.9.4 or later, as this one does.)
     */
    private static final JsonFactory LENIENT_JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    static final long MASTER_ID = 0;
    private static final int PERM_WRITE = 0x2;
    private static final int PERM_READ = 0x4;

    /** One broker's queues of the topic. */
    record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm) {
    }

    /** The master's address of {@code brokerName}, or null when the route names none. */
    String masterAddress(String brokerName) {
        return brokerAddresses.getOrDefault(brokerName, Map.of()).get(MASTER_ID);
    }

    /** The master, else any address of the broker (consumers may read from a slave). */
    String anyAddress(String brokerName) {
        String master = masterAddress(brokerName);
        return master != null ? master
                : brokerAddresses.getOrDefault(brokerName, Map.of()).values().stream().findFirst().orElse(null);
    }

    List<MessageQueue> writeQueues(String topic) {
        List<MessageQueue> queues = new ArrayList<>();
        sorted().filter(q -> (q.perm & PERM_WRITE) != 0 && masterAddress(q.brokerName) != null)
                .forEach(q -> addQueues(queues, topic, q.brokerName, q.writeQueueNums));
        return queues;
    }

    List<MessageQueue> readQueues(String topic) {
        List<MessageQueue> queues = new ArrayList<>();
        sorted().filter(q -> (q.perm & PERM_READ) != 0)
                .forEach(q -> addQueues(queues, topic, q.brokerName, q.readQueueNums));
        return queues;
    }

    /**
     * This route with at most {@code queueNums} queues per broker: how a producer sends to a topic
     * the brokers will create from TBW102 (RocketMQ's {@code defaultTopicQueueNums}).
     */
    TopicRoute capped(int queueNums) {
        return new TopicRoute(queueDatas.stream().map(q -> new QueueData(q.brokerName,
                Math.min(queueNums, q.readQueueNums), Math.min(queueNums, q.readQueueNums), q.perm)).toList(),
                brokerAddresses);
    }

    private Stream<QueueData> sorted() {
        return queueDatas.stream().sorted(Comparator.comparing(QueueData::brokerName));
    }

    private static void addQueues(List<MessageQueue> queues, String topic, String brokerName, int count) {
        for (int id = 0; id < count; id++) {
            queues.add(new MessageQueue(topic, brokerName, id));
        }
    }

    /** @throws IllegalArgumentException when {@code body} is not a TopicRouteData */
    static TopicRoute parse(byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            List<QueueData> queues = new ArrayList<>();
            Map<String, Map<Long, String>> brokers = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "queueDatas" -> eachObject(json, () -> queues.add(queueData(json)));
                    case "brokerDatas" -> eachObject(json, () -> brokerData(json, brokers));
                    default -> json.skipChildren();
                }
            }
            return new TopicRoute(List.copyOf(queues), Map.copyOf(brokers));
        } catch (IOException e) {
            throw new IllegalArgumentException("topic route is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The brokers of a cluster info answer (GET_BROKER_CLUSTER_INFO's {@code brokerAddrTable}): for
     * each broker name, its addresses by broker id.
     *
     * @throws IllegalArgumentException when {@code body} is not a ClusterInfo
     */
    static Map<String, Map<Long, String>> clusterBrokers(byte[] body) {
        try (JsonParser json = LENIENT_JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            Map<String, Map<Long, String>> brokers = new HashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.START_OBJECT && field.equals("brokerAddrTable")) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        json.nextToken();
                        brokerData(json, brokers);
                    }
                } else {
                    json.skipChildren();
                }
            }
            return Map.copyOf(brokers);
        } catch (IOException e) {
            throw new IllegalArgumentException("cluster info is not JSON: " + e.getMessage(), e);
        }
    }

    private static QueueData queueData(JsonParser json) throws IOException {
        Map<String, String> fields = scalarFields(json);
        return new QueueData(fields.get("brokerName"), Integer.parseInt(fields.getOrDefault("readQueueNums", "0")),
                Integer.parseInt(fields.getOrDefault("writeQueueNums", "0")),
                Integer.parseInt(fields.getOrDefault("perm", "6")));
    }

    private static void brokerData(JsonParser json, Map<String, Map<Long, String>> brokers) throws IOException {
        String name = null;
        Map<Long, String> addresses = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("brokerName")) {
                name = json.getValueAsString();
            } else if (field.equals("brokerAddrs")) {
                addresses.putAll(scalarFields(json).entrySet().stream().collect(Collectors.toMap(e -> Long.parseLong(e.getKey()), Map.Entry::getValue)));
            } else {
                json.skipChildren();
            }
        }
        if (name != null) {
            brokers.put(name, Map.copyOf(addresses));
        }
    }

    /** The string and number fields of the object the parser is on, nested values skipped. */
    private static Map<String, String> scalarFields(JsonParser json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            if (json.nextToken().isScalarValue()) {
                fields.put(field, json.getValueAsString());
            } else {
                json.skipChildren();
            }
        }
        return fields;
    }

    @FunctionalInterface
    private interface Element {
        void read() throws IOException;
    }

    private static void eachObject(JsonParser json, Element element) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            element.read();
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("topic route: expected " + expected + " but found " + actual);
        }
    }
}
