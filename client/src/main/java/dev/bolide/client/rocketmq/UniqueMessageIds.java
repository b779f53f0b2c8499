package dev.bolide.client.rocketmq;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code UNIQ_KEY} a producer gives each message, in RocketMQ's layout so that tools decode it:
 * client IPv4 (4 bytes), pid (2), class-loader hash (4), milliseconds since the start of the month
 * (4), counter (2), as 32 upper-case hex digits.
 */
public final class UniqueMessageIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final byte[] PREFIX = prefix();
    /** The current month's start and the next's, in ms: the time field counts from the first. */
    private static volatile long[] month = month(System.currentTimeMillis());

    private UniqueMessageIds() {
    }

    public static String next() {
        ByteBuffer id = ByteBuffer.allocate(16).put(PREFIX);
        long now = System.currentTimeMillis();
        long[] current = month;
        if (now >= current[1]) {
            current = month(now);
            month = current;
        }
        id.putInt((int) (now - current[0]));
        id.putShort((short) COUNTER.getAndIncrement());
        return HEX.formatHex(id.array());
    }

    private static long[] month(long now) {
        ZoneId zone = ZoneId.systemDefault();
        ZonedDateTime start = Instant.ofEpochMilli(now).atZone(zone).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(zone);
        return new long[] {start.toInstant().toEpochMilli(), start.plusMonths(1).toInstant().toEpochMilli()};
    }

    private static byte[] prefix() {
        return ByteBuffer.allocate(10).put(LocalAddress.IPV4.getAddress())
                .putShort((short) ProcessHandle.current().pid())
                .putInt(UniqueMessageIds.class.getClassLoader().hashCode()).array();
    }
}
