package dev.bolide.broker.filter;

import dev.bolide.broker.client.Subscription;
import dev.bolide.store.MessageFilter;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A TAG subscription ({@code "*"}, or tags separated by {@code ||}) checked against the tag hash
 * in the ConsumeQueue, as RocketMQ brokers do; clients re-check the tag string itself, since two
 * tags can share a hash.
 */
final class TagFilter implements MessageFilter {
    private final Set<Long> tagHashes;

    private TagFilter(Set<Long> tagHashes) {
        this.tagHashes = tagHashes;
    }

    /** {@code null}, blank and {@code "*"} accept every message. */
    static MessageFilter of(String expression) {
        Set<Long> hashes = Subscription.tagsOf(expression).stream().map(tag -> (long) tag.hashCode())
                .collect(Collectors.toUnmodifiableSet());
        return hashes.isEmpty() ? MessageFilter.ALL : new TagFilter(hashes);
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return tagHashes.contains(tagsCode);
    }
}
