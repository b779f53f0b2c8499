package dev.bolide.protocol.message;

/** The SYSFLAG bits of a message record (RocketMQ {@code MessageSysFlag}). */
public final class MessageSysFlag {
    public static final int COMPRESSED = 0x1;
    public static final int MULTI_TAGS = 0x2;
    public static final int TRANSACTION_NOT_TYPE = 0x0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x4;
    public static final int TRANSACTION_COMMIT_TYPE = 0x8;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0xC;
    public static final int BORNHOST_V6 = 0x10;
    public static final int STOREHOST_V6 = 0x20;

    private static final int TRANSACTION_MASK = 0xC;

    private MessageSysFlag() {
    }

    public static int transactionType(int sysFlag) {
        return sysFlag & TRANSACTION_MASK;
    }

    public static int withTransactionType(int sysFlag, int type) {
        return (sysFlag & ~TRANSACTION_MASK) | type;
    }

    /** Prepared and rollback records get no queue offset and no ConsumeQueue entry. */
    public static boolean isConsumable(int sysFlag) {
        int type = transactionType(sysFlag);
        return type == TRANSACTION_NOT_TYPE || type == TRANSACTION_COMMIT_TYPE;
    }

    public static int bornHostLength(int sysFlag) {
        return (sysFlag & BORNHOST_V6) != 0 ? 20 : 8;
    }

    public static int storeHostLength(int sysFlag) {
        return (sysFlag & STOREHOST_V6) != 0 ? 20 : 8;
    }
}
