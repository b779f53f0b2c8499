package dev.bolide.protocol.message;

/** Names of the system properties RocketMQ reserves in a message's property map. */
public final class PropertyKeys {
    public static final String KEYS = "KEYS";
    public static final String TAGS = "TAGS";
    public static final String WAIT_STORE_MSG_OK = "WAIT";
    public static final String DELAY_TIME_LEVEL = "DELAY";
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QUEUE_ID = "REAL_QID";
    public static final String TRANSACTION_PREPARED = "TRAN_MSG";
    public static final String PRODUCER_GROUP = "PGROUP";
    /** Bolide's: the XA branch ({@code dev.bolide.protocol.xa.BranchId} text) a half message was sent in. */
    public static final String XA_BRANCH = "BOLIDE_XID";
    public static final String MIN_OFFSET = "MIN_OFFSET";
    public static final String MAX_OFFSET = "MAX_OFFSET";
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String UNIQUE_CLIENT_MESSAGE_ID = "UNIQ_KEY";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String TRANSACTION_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    public static final String CLUSTER = "CLUSTER";
    /** RocketMQ 5 timer: absolute delivery time, epoch milliseconds. */
    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    /** RocketMQ 5 timer: delivery after this many seconds. */
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    /** RocketMQ 5 timer: delivery after this many milliseconds. */
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    /** RocketMQ 5 timer: the delivery time the broker settled on, set on the stored timer record. */
    public static final String TIMER_OUT_MS = "TIMER_OUT_MS";

    /** The separator between the keys of the {@link #KEYS} property. */
    public static final String KEY_SEPARATOR = " ";

    private PropertyKeys() {
    }
}
