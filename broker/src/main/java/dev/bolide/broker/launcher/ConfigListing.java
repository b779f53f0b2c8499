package dev.bolide.broker.launcher;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code mqbroker -p} and {@code -m} print (and {@code mqnamesrv -p}): one {@code key=value}
 * line per effective setting, by key, so that it can be pasted into a configuration file.
 */
final class ConfigListing {
    /**
     * {@code -m}: the settings RocketMQ 4.9 marks {@code @ImportantField} that Bolide has, and
     * {@code namesrvListenPort}, which decides whether the broker is also a name server.
     */
    private static final Set<String> IMPORTANT = Set.of("brokerClusterName", "brokerName", "brokerId", "brokerIP1",
            "listenPort", "namesrvAddr", "namesrvListenPort", "autoCreateTopicEnable", "autoCreateSubscriptionGroup",
            "defaultTopicQueueNums", "storePathRootDir", "storePathCommitLog", "mappedFileSizeCommitLog",
            "flushDiskType", "deleteWhen", "fileReservedTime");

    private ConfigListing() {
    }

    static void print(Map<String, String> settings, LaunchOptions.Printing printing, PrintStream out) {
        new TreeMap<>(settings).forEach((key, value) -> {
            if (printing == LaunchOptions.Printing.ALL || IMPORTANT.contains(key)) {
                out.println(key + "=" + value);
            }
        });
    }
}
