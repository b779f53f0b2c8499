package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The groups this client belongs to, announced to every broker of the topics in use (and, for
 * producers, of the cluster) by heartbeats
 * (which the client repeats periodically, as brokers drop clients silent for 120 s) and withdrawn by
 * UNREGISTER_CLIENT.
 */
final class Membership {
    private static final System.Logger LOG = System.getLogger(Membership.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

    private final String clientId;
    private final Routes routes;
    private final Requests requests;
    private final Map<String, Collection<Subscription>> consumers = new ConcurrentHashMap<>();
    /** Completes when every heartbeat sent so far is answered (or failed). */
    private CompletableFuture<Void> beating = CompletableFuture.completedFuture(null);
    private final Set<String> producers = ConcurrentHashMap.newKeySet();

    Membership(String clientId, Routes routes, Requests requests) {
        this.clientId = clientId;
        this.routes = routes;
        this.requests = requests;
    }

    /** Joins (or changes the subscriptions of) a consumer group; completes once every broker knows. */
    CompletableFuture<Void> joinConsumers(String group, Collection<Subscription> subscriptions) {
        consumers.put(group, List.copyOf(subscriptions));
        // the brokers to tell are those of the subscribed topics, so their routes are looked up first;
        // a topic without one yet (nothing sent to it, or no retry yet) is joined by a later call, once
        // it has one, as RocketMQ consumers wait for the topics they subscribe to
        return CompletableFuture.allOf(subscriptions.stream()
                .map(s -> routes.forConsuming(s.topic()).exceptionally(missing -> null))
                .toArray(CompletableFuture[]::new)).thenCompose(routed -> beat());
    }

    /** The subscriptions of a consumer group this client has joined. */
    Optional<Collection<Subscription>> subscriptions(String group) {
        return Optional.ofNullable(consumers.get(group));
    }

    CompletableFuture<Void> joinProducers(String group) {
        producers.add(group);
        return beat();
    }

    /**
     * Leaves a consumer group once the heartbeats already under way are answered: one of them still
     * names the group, and a broker hearing it after the unregister (or after the group was deleted,
     * as unsubscribe does) would bring the member or the group back.
     */
    CompletableFuture<Void> leaveConsumers(String group) {
        CompletableFuture<Void> sent;
        synchronized (this) {
            consumers.remove(group);
            sent = beating;
        }
        return sent.thenCompose(answered -> unregister("consumerGroup", group));
    }

    CompletableFuture<Void> leaveProducers(String group) {
        producers.remove(group);
        return unregister("producerGroup", group);
    }

    /** Leaves every group. */
    CompletableFuture<Void> leaveAll() {
        List<CompletableFuture<Void>> leaving = new ArrayList<>();
        List.copyOf(consumers.keySet()).forEach(group -> leaving.add(leaveConsumers(group)));
        List.copyOf(producers).forEach(group -> leaving.add(leaveProducers(group)));
        return CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new));
    }

    /** Sends a heartbeat to every known broker; fails when one of them refuses or cannot be reached. */
    synchronized CompletableFuture<Void> beat() {
        if (consumers.isEmpty() && producers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] body = HeartbeatBody.of(clientId, consumers, producers);
        CompletableFuture<Void> sent = toEveryBroker(address -> requests.call(address, RequestCode.HEART_BEAT,
                Map.of(), body).thenAccept(response -> Requests.expect(response, ResponseCode.SUCCESS)));
        CompletableFuture<Void> answered = sent.exceptionally(failure -> null);
        beating = beating.isDone() ? answered : CompletableFuture.allOf(beating, answered);
        return sent;
    }

    /** The client ids of the group's members, as one broker of {@code topic} knows them. */
    CompletableFuture<List<String>> members(String group, String topic) {
        return routes.forConsuming(topic).thenCompose(route -> {
            String address = route.queueDatas().stream().map(q -> route.masterAddress(q.brokerName()))
                    .filter(a -> a != null && requests.reachable(a)).findFirst()
                    .orElseThrow(() -> new RocketMqException(ResponseCode.SYSTEM_ERROR,
                            "no reachable broker for topic " + topic));
            return membersAt(address, group);
        });
    }

    /** The client ids of the group's members, as the broker at {@code address} knows them. */
    CompletableFuture<List<String>> membersAt(String address, String group) {
        return requests.call(address, RequestCode.GET_CONSUMER_LIST_BY_GROUP, Map.of("consumerGroup", group), null)
                .thenApply(response -> response.code() == ResponseCode.SYSTEM_ERROR ? List.<String>of()
                        : consumerIds(Requests.expect(response, ResponseCode.SUCCESS).body()));
    }

    private CompletableFuture<Void> unregister(String groupField, String group) {
        Map<String, String> fields = Map.of("clientID", clientId, groupField, group);
        return toEveryBroker(address -> requests.call(address, RequestCode.UNREGISTER_CLIENT, fields, null)
                .thenAccept(response -> Requests.expect(response, ResponseCode.SUCCESS)));
    }

    /**
     * Calls every known broker; one that cannot be reached is skipped (logged): it learns of this
     * client from the next heartbeat after it is back. A refusal fails the whole.
     */
    private CompletableFuture<Void> toEveryBroker(Function<String, CompletableFuture<Void>> call) {
        return brokersToTell().thenCompose(addresses -> CompletableFuture.allOf(addresses.stream().map(address -> call.apply(address)
                .exceptionally(failure -> {
                    RocketMqException cause = RocketMqException.of(failure);
                    if (cause.responseCode() != RocketMqException.NO_RESPONSE) {
                        throw cause;
                    }
                    LOG.log(System.Logger.Level.DEBUG, "skipping {0}: {1}", address, cause.getMessage());
                    return null;
                })).toArray(CompletableFuture[]::new)));
    }

    /**
     * The brokers of the topics in use and, while this client is in a producer group, every master of
     * the cluster: a broker checks back a half message only with a producer of its group that it
     * knows, and any broker may hold one, whatever topics this client used so far.
     */
    private CompletableFuture<Set<String>> brokersToTell() {
        Set<String> addresses = new HashSet<>(routes.brokerAddresses());
        if (producers.isEmpty()) {
            return CompletableFuture.completedFuture(addresses);
        }
        return routes.brokerMasters().handle((masters, failure) -> {
            if (masters != null) {
                masters.values().stream().filter(Objects::nonNull).forEach(addresses::add);
            }
            return addresses;
        });
    }

    private static List<String> consumerIds(byte[] body) {
        List<String> ids = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && json.currentName().equals("consumerIdList")) {
                    json.nextToken();
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        ids.add(json.getText());
                    }
                }
            }
        } catch (IOException e) {
            throw new RocketMqException(ResponseCode.SYSTEM_ERROR, "consumer id list is not JSON: " + e.getMessage());
        }
        return ids;
    }
}
