package dev.bolide.protocol.selector;

/**
 * The {@code expressionType} of a subscription, as consumers send it in heartbeats, pulls and
 * CHECK_CLIENT_CONFIG.
 */
public final class ExpressionType {
    /** Tags separated by {@code ||}, or {@code *}; RocketMQ's default. */
    public static final String TAG = "TAG";
    /** RocketMQ 4.9's SQL92 dialect: {@link Selector#compileSql92}. */
    public static final String SQL92 = "SQL92";
    /**
     * A Jakarta Messaging message selector ({@link Selector#compileJms}), evaluated on the typed
     * properties, headers and born timestamp of each message. A Bolide extension that Apache RocketMQ
     * brokers do not know: only the Bolide JMS client uses it.
     */
    public static final String JMS = "JMS";

    private ExpressionType() {
    }
}
