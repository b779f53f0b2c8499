package dev.bolide.broker.console;

/**
 * The name of a RocketMQ protocol version a client declares ({@code MQVersion.Version}'s ordinal),
 * as mqadmin's connection listings print it: {@code 409} is {@code V4_9_8}. From 4.0.0 to 5.9.9
 * each release follows its snapshot; other numbers are shown as they are.
 */
final class ClientVersion {
    private static final int V4_0_0_SNAPSHOT = 212;
    /** V5_9_9 + 1, where the regular run ends. */
    private static final int PAST_V5_9_9 = 612;
    private static final int PER_MAJOR = 200;
    private static final int PER_MINOR = 20;

    private ClientVersion() {
    }

    static String describe(int version) {
        if (version < V4_0_0_SNAPSHOT || version >= PAST_V5_9_9) {
            return Integer.toString(version);
        }
        int sinceV4 = version - V4_0_0_SNAPSHOT;
        int inMajor = sinceV4 % PER_MAJOR;
        return "V" + (4 + sinceV4 / PER_MAJOR) + "_" + inMajor / PER_MINOR + "_" + inMajor % PER_MINOR / 2
                + (inMajor % 2 == 0 ? "_SNAPSHOT" : "");
    }
}
