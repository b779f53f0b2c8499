package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The name servers of the cluster. A request goes to the one that answered last; when it gives no
 * answer the next one in the list is asked, and so on once around the list.
 */
final class NameServers {
    private final List<String> addresses;
    private final Requests requests;
    private final AtomicInteger current = new AtomicInteger();

    /** @param addresses {@code host:port} separated by {@code ;} */
    NameServers(String addresses, Requests requests) {
        this.addresses = Arrays.stream(addresses.split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (this.addresses.isEmpty()) {
            throw new IllegalArgumentException("no name server address in '" + addresses + "'");
        }
        this.requests = requests;
    }

    CompletableFuture<RemotingCommand> call(int code, Map<String, String> fields) {
        return call(code, fields, current.get(), addresses.size());
    }

    private CompletableFuture<RemotingCommand> call(int code, Map<String, String> fields, int index, int triesLeft) {
        int at = Math.floorMod(index, addresses.size());
        return requests.call(addresses.get(at), code, fields, null)
                .thenApply(response -> {
                    current.set(at);
                    return response;
                })
                .exceptionallyCompose(failure -> triesLeft > 1 ? call(code, fields, at + 1, triesLeft - 1)
                        : CompletableFuture.failedFuture(failure));
    }
}
