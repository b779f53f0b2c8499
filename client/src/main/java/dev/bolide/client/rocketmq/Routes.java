package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Topic routes, asked of the name servers once and then kept, refreshed by {@link #refreshAll()}
 * (which the client runs periodically) and by {@link #refresh} after a failed send.
 *
 * <p>A topic the name servers do not know is, for producing only, routed like the default topic
 * TBW102 with at most {@link #AUTO_CREATED_QUEUES} queues per broker: brokers whose
 * {@code autoCreateTopicEnable} is on advertise TBW102 and create the topic on the first send.
 * When no broker advertises TBW102 the send fails with TOPIC_NOT_EXIST. Such a borrowed route is
 * replaced by the topic's own as soon as a refresh finds it.
 */
final class Routes {
    static final String DEFAULT_TOPIC = "TBW102";
    /** RocketMQ's producer {@code defaultTopicQueueNums}. */
    static final int AUTO_CREATED_QUEUES = 4;

    private final NameServers nameServers;
    private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();
    /** Callers waiting for a topic's route to publish, in the order they asked; each line guarded by this. */
    private final Map<String, Deque<CompletableFuture<TopicRoute>>> waiting = new ConcurrentHashMap<>();
    /** The name-server request under way for a topic, which every caller meanwhile shares. */
    private final Map<String, CompletableFuture<TopicRoute>> lookups = new ConcurrentHashMap<>();

    Routes(NameServers nameServers) {
        this.nameServers = nameServers;
    }

    /** The topic's route; fails with TOPIC_NOT_EXIST when the name servers do not know it. */
    CompletableFuture<TopicRoute> forConsuming(String topic) {
        TopicRoute known = routes.get(topic);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return refresh(topic).thenApply(route -> {
            if (route == null) {
                throw new RocketMqException(ResponseCode.TOPIC_NOT_EXIST, "topic " + topic
                        + " has no route on the name servers");
            }
            return route;
        });
    }

    /**
     * The topic's route, or TBW102's for a topic brokers may create on send. Callers get it in the
     * order they asked, so that sends start in the order they were made: while a topic's route is
     * looked up, callers wait in its line and are answered one after the other, each caller's own
     * continuation (its request) before the next is answered; a caller finding the route known still
     * waits its turn while the line is being answered.
     */
    CompletableFuture<TopicRoute> forPublishing(String topic) {
        // the route first: a line is made before the route it waits for is known, and removed after it is answered
        TopicRoute known = routes.get(topic);
        if (known != null && !waiting.containsKey(topic)) {
            return CompletableFuture.completedFuture(known);
        }
        return inLine(topic);
    }

    private synchronized CompletableFuture<TopicRoute> inLine(String topic) {
        TopicRoute known = routes.get(topic);
        Deque<CompletableFuture<TopicRoute>> line = waiting.get(topic);
        if (known != null && line == null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<TopicRoute> turn = new CompletableFuture<>();
        if (line == null) {
            line = new ArrayDeque<>();
            waiting.put(topic, line);
            line.add(turn);
            publishingRoute(topic).whenComplete((route, failure) -> answer(topic, route, failure));
        } else {
            line.add(turn);
        }
        return turn;
    }

    private CompletableFuture<TopicRoute> publishingRoute(String topic) {
        return refresh(topic).thenCompose(route -> route != null ? CompletableFuture.completedFuture(route)
                : lookup(DEFAULT_TOPIC).thenApply(template -> borrow(topic, template)));
    }

    /**
     * Answers the topic's line in order, holding the lock: a caller of another thread waits until the
     * whole line is answered, and one of this thread (a continuation sending again) joins its end.
     */
    private synchronized void answer(String topic, TopicRoute route, Throwable failure) {
        Deque<CompletableFuture<TopicRoute>> line = waiting.get(topic);
        for (CompletableFuture<TopicRoute> turn = line.poll(); turn != null; turn = line.poll()) {
            if (failure != null) {
                turn.completeExceptionally(failure);
            } else {
                turn.complete(route);
            }
        }
        waiting.remove(topic);
    }

    /** The master address of the queue's broker, where pulls, offsets and sends-back go. */
    CompletableFuture<String> master(MessageQueue queue) {
        return forConsuming(queue.topic()).thenApply(route -> {
            String address = route.masterAddress(queue.brokerName());
            if (address == null) {
                throw new RocketMqException(ResponseCode.TOPIC_NOT_EXIST, "broker " + queue.brokerName()
                        + " of topic " + queue.topic() + " has no master in the route");
            }
            return address;
        });
    }

    private TopicRoute borrow(String topic, TopicRoute template) {
        if (template == null) {
            throw new RocketMqException(ResponseCode.TOPIC_NOT_EXIST, "topic " + topic
                    + " does not exist and no broker allows creating it (autoCreateTopicEnable)");
        }
        TopicRoute borrowed = template.capped(AUTO_CREATED_QUEUES);
        routes.putIfAbsent(topic, borrowed);
        return borrowed;
    }

    /** Asks the name servers again; completes with null (and forgets nothing) when they do not know it. */
    CompletableFuture<TopicRoute> refresh(String topic) {
        return lookup(topic).thenApply(route -> {
            if (route != null) {
                routes.put(topic, route);
            }
            return route;
        });
    }

    /** Refreshes every topic in use. */
    CompletableFuture<Void> refreshAll() {
        return CompletableFuture.allOf(routes.keySet().stream().map(topic -> refresh(topic).exceptionally(e -> null))
                .toArray(CompletableFuture[]::new));
    }

    /** Every address of every broker of the topics in use: where heartbeats go. */
    Set<String> brokerAddresses() {
        return routes.values().stream().flatMap(route -> route.brokerAddresses().values().stream())
                .flatMap(addresses -> addresses.values().stream()).collect(Collectors.toSet());
    }

    /** The name of the broker at {@code address}, as the routes kept say; the address itself when none does. */
    String brokerName(String address) {
        return routes.values().stream().flatMap(route -> route.brokerAddresses().entrySet().stream())
                .filter(broker -> broker.getValue().containsValue(address)).map(Map.Entry::getKey).findFirst()
                .orElse(address);
    }

    /** Every broker of the cluster the name servers know, by name, with its master's address (null when it has none). */
    CompletableFuture<Map<String, String>> brokerMasters() {
        return nameServers.call(RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()).thenApply(response -> {
            Map<String, String> masters = new TreeMap<>();
            TopicRoute.clusterBrokers(Requests.expect(response, ResponseCode.SUCCESS).body())
                    .forEach((name, addresses) -> masters.put(name, addresses.get(TopicRoute.MASTER_ID)));
            return masters;
        });
    }

    /**
     * The master address of the broker named {@code brokerName}: from the routes kept, as a send to
     * it found it, else from the name servers (an XA branch decided by a JVM that did not send in it).
     */
    CompletableFuture<String> master(String brokerName) {
        for (TopicRoute route : routes.values()) {
            String address = route.masterAddress(brokerName);
            if (address != null) {
                return CompletableFuture.completedFuture(address);
            }
        }
        return brokerMasters().thenApply(masters -> {
            String address = masters.get(brokerName);
            if (address == null) {
                throw new RocketMqException(ResponseCode.TOPIC_NOT_EXIST, "broker " + brokerName
                        + " has no master the name servers know of");
            }
            return address;
        });
    }

    /**
     * One request per topic at a time: the first sends to a new topic, made together, asked for its
     * route (and TBW102's) once each instead of twice per send. A call that throws fails the shared
     * lookup rather than leave it under way for ever.
     */
    private CompletableFuture<TopicRoute> lookup(String topic) {
        CompletableFuture<TopicRoute> started = new CompletableFuture<>();
        CompletableFuture<TopicRoute> underWay = lookups.putIfAbsent(topic, started);
        if (underWay != null) {
            return underWay;
        }
        CompletableFuture.completedFuture(topic)
                .thenCompose(asked -> nameServers.call(RequestCode.GET_ROUTEINFO_BY_TOPIC, Map.of("topic", asked)))
                .thenApply(response -> found(topic, response))
                .whenComplete((route, failure) -> {
                    lookups.remove(topic, started);
                    if (failure != null) {
                        started.completeExceptionally(failure);
                    } else {
                        started.complete(route);
                    }
                });
        return started;
    }

    private static TopicRoute found(String topic, RemotingCommand response) {
        if (response.code() == ResponseCode.TOPIC_NOT_EXIST) {
            return null;
        }
        TopicRoute route = TopicRoute.parse(Requests.expect(response, ResponseCode.SUCCESS).body());
        return route.queueDatas().isEmpty() ? null : route;
    }
}
