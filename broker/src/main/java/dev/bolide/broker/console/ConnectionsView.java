package dev.bolide.broker.console;

import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.broker.client.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Producers and connections page: the clients connected now, by producer group and by consumer
 * group, with their client ids, addresses, languages and versions, as mqadmin's
 * {@code producerConnection} and {@code consumerConnection} show them; for a consumer group also how
 * it consumes and what it subscribes. A new connection reloads the page (its cells are keyed).
 */
public final class ConnectionsView implements View {
    private final ProducerGroups producers;
    private final ConsumerGroups consumers;

    public ConnectionsView(ProducerGroups producers, ConsumerGroups consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    @Override
    public String title() {
        return "Producers and connections";
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> producerRows = new ArrayList<>();
        producers.all().forEach((group, members) -> members.stream()
                .sorted(Comparator.comparing(member -> member.client().clientId()))
                .forEach(member -> producerRows.add(row(group, member.client(), Cell.live("producer/" + group + "/"
                        + member.client().clientId(), Instant.ofEpochMilli(member.lastHeartbeatMillis()))))));
        List<List<Cell>> consumerRows = new ArrayList<>();
        for (String group : consumers.liveGroups()) {
            consumers.info(group).ifPresent(info -> info.members().stream()
                    .sorted(Comparator.comparing(ClientConnection::clientId))
                    .forEach(member -> consumerRows.add(row(group, member, Cell.live("consumer/" + group + "/"
                            + member.clientId(), info.consumeType() + ", " + info.messageModel() + ", "
                            + info.consumeFromWhere() + "; " + subscriptions(info))))));
        }
        List<String> client = List.of("group", "client id", "address", "language", "version");
        return List.of(new Table(producerRows.size() + " producer connections", headers(client, "last heartbeat"),
                producerRows), new Table(consumerRows.size() + " consumer connections",
                headers(client, "consumes"), consumerRows));
    }

    private static List<Cell> row(String group, ClientConnection client, Cell last) {
        return List.of(Cell.fixed(group), Cell.fixed(client.clientId()), Cell.fixed(client.clientAddress()),
                Cell.fixed(client.language().name()), Cell.fixed(ClientVersion.describe(client.version())), last);
    }

    private static List<String> headers(List<String> client, String last) {
        List<String> headers = new ArrayList<>(client);
        headers.add(last);
        return headers;
    }

    private static String subscriptions(ConsumerGroups.GroupInfo info) {
        return info.subscriptions().stream().sorted(Comparator.comparing(Subscription::topic))
                .map(subscription -> subscription.topic() + " " + subscription.expression())
                .collect(Collectors.joining(", "));
    }
}
