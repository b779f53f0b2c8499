package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.DispatchedMessage;
import dev.bolide.store.MessageToStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * Where the half messages of each branch are, so that deciding a branch reads its messages only, not
 * the whole half queue: fed as half messages are appended, again by the store's dispatcher as they
 * become readable, and at start by recovery. Thread-safe and non-blocking (the dispatcher thread calls it).
 */
final class BranchMembers {
    /** One half message of a branch. */
    record Member(long queueOffset, long physicalOffset) {
    }

    private final Map<String, NavigableMap<Long, Member>> members = new ConcurrentHashMap<>();

    /** The dispatcher made a message readable: kept when it is a half message of a branch. */
    void dispatched(DispatchedMessage message) {
        if (!message.topic().equals(TransactionTopics.HALF)) {
            return;
        }
        String branch = MessageProperties.find(message.properties(), PropertyKeys.XA_BRANCH);
        if (branch != null) {
            add(branch, new Member(message.queueOffset(), message.physicalOffset()));
        }
    }

    /**
     * A message was appended: kept when it is a half message of a branch. Heard before its sender
     * is answered, so a branch request that follows the sends finds every member without waiting
     * for the dispatcher (which, under SYNC_FLUSH, waits for a flush).
     */
    void appended(MessageToStore message, AppendedMessage where) {
        if (!message.topic().equals(TransactionTopics.HALF)) {
            return;
        }
        String branch = MessageProperties.find(new String(message.properties(), StandardCharsets.UTF_8),
                PropertyKeys.XA_BRANCH);
        if (branch != null) {
            add(branch, new Member(where.queueOffset(), where.physicalOffset()));
        }
    }

    /** A half message of {@code branch} (added twice, it is kept once). */
    void add(String branch, Member member) {
        members.computeIfAbsent(branch, b -> new ConcurrentSkipListMap<>()).put(member.queueOffset(), member);
    }

    /** The branch's half messages in half queue (send) order. */
    List<Member> of(String branch) {
        NavigableMap<Long, Member> known = members.get(branch);
        return known == null ? List.of() : List.copyOf(known.values());
    }

    /**
     * Forgets the branches wholly behind {@code progress} that {@code over} says are over: the check
     * pass holds the progress offset at the first message of every other branch.
     */
    void forget(long progress, Predicate<String> over) {
        members.entrySet().removeIf(entry -> entry.getValue().lastKey() < progress && over.test(entry.getKey()));
    }
}
