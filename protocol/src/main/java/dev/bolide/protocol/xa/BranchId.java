package dev.bolide.protocol.xa;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.transaction.xa.Xid;

/**
 * An XA branch identifier in the text form the broker stores it in (property {@code BOLIDE_XID} of
 * half messages and op records, header {@code branch} of the branch requests):
 * {@code formatId:gtrid-hex:bqual-hex}, the format id in decimal, the two byte arrays in lower-case
 * hex. Equal Xids give equal text, so the text is the branch's key on the broker.
 */
public final class BranchId implements Xid {
    /**
     * "BOLI": the format id of the branches of transacted sessions (local transactions), which
     * no transaction manager decides; a broker may ask another about them (BRANCH_OUTCOME).
     */
    public static final int LOCAL_FORMAT_ID = 0x424F4C49;
    /**
     * "BOLR": the format id of the resource adapter's local transactions (a pool declared
     * {@code LocalTransaction}), run as branches of an XA resource; like {@link #LOCAL_FORMAT_ID},
     * decided by no transaction manager.
     */
    public static final int ADAPTER_LOCAL_FORMAT_ID = 0x424F4C52;

    private static final HexFormat HEX = HexFormat.of();

    private final int formatId;
    private final byte[] globalTransactionId;
    private final byte[] branchQualifier;

    private BranchId(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {
        if (globalTransactionId.length > MAXGTRIDSIZE || branchQualifier.length > MAXBQUALSIZE) {
            throw new IllegalArgumentException("a global transaction id and a branch qualifier have at most 64 bytes");
        }
        this.formatId = formatId;
        this.globalTransactionId = globalTransactionId.clone();
        this.branchQualifier = branchQualifier.clone();
    }

    /** A copy of any Xid (a transaction manager's own class), which can be formatted. */
    public static BranchId of(Xid xid) {
        Objects.requireNonNull(xid, "xid");
        return xid instanceof BranchId known ? known
                : new BranchId(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    public static BranchId of(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {
        return new BranchId(formatId, globalTransactionId, branchQualifier);
    }

    /** Shorthand for {@code of(xid).text()}. */
    public static String format(Xid xid) {
        return of(xid).text();
    }

    /**
     * Reads the text form back.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static BranchId parse(String text) {
        String[] parts = Objects.requireNonNull(text, "branch id").split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("branch id '" + text + "' is not formatId:gtrid-hex:bqual-hex");
        }
        try {
            return new BranchId(Integer.parseInt(parts[0]), HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("branch id '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether this is the branch of a local transaction ({@link #LOCAL_FORMAT_ID} or
     * {@link #ADAPTER_LOCAL_FORMAT_ID}): no transaction manager decides it, so when it spans brokers
     * one of them coordinates it and the others ask that one (BRANCH_OUTCOME).
     */
    public boolean isLocal() {
        return formatId == LOCAL_FORMAT_ID || formatId == ADAPTER_LOCAL_FORMAT_ID;
    }

    public String text() {
        return formatId + ":" + HEX.formatHex(globalTransactionId) + ":" + HEX.formatHex(branchQualifier);
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BranchId that && formatId == that.formatId
                && Arrays.equals(globalTransactionId, that.globalTransactionId)
                && Arrays.equals(branchQualifier, that.branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        return text();
    }
}
