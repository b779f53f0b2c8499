package dev.bolide.protocol.remoting;

import java.util.Map;

/**
 * One request or response: code, sender language and version, the request id ({@code opaque})
 * that pairs a response with its request, flags, an optional remark, the custom header fields
 * ({@code extFields}, all strings) and an opaque body.
 */
public final class RemotingCommand {
    /** Flag bit 0: this is a response. */
    public static final int RESPONSE_FLAG = 1;
    /** Flag bit 1: a request that gets no response. */
    public static final int ONEWAY_FLAG = 2;
    /** {@code MQVersion.V4_9_8}: what Bolide announces, so that 4.9 clients enable every feature. */
    public static final int BOLIDE_VERSION = 409;

    private final int code;
    private final LanguageCode language;
    private final int version;
    private final int opaque;
    private final int flag;
    private final String remark;
    private final Map<String, String> extFields;
    private final byte[] body;
    private final SerializeType serializeType;

    public RemotingCommand(int code, LanguageCode language, int version, int opaque, int flag, String remark,
            Map<String, String> extFields, byte[] body, SerializeType serializeType) {
        this.code = code;
        this.language = language;
        this.version = version;
        this.opaque = opaque;
        this.flag = flag;
        this.remark = remark;
        this.extFields = extFields;
        this.body = body;
        this.serializeType = serializeType;
    }

    public static RemotingCommand request(int code, int opaque, Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, BOLIDE_VERSION, opaque, 0, null, extFields, body,
                SerializeType.JSON);
    }

    /** A response to {@code request}, in the request's serialize type, as the reference server answers. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark,
            Map<String, String> extFields, byte[] body) {
        return new RemotingCommand(code, LanguageCode.JAVA, BOLIDE_VERSION, request.opaque, RESPONSE_FLAG, remark,
                extFields, body, request.serializeType);
    }

    public int code() {
        return code;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public int opaque() {
        return opaque;
    }

    public int flag() {
        return flag;
    }

    public boolean isResponse() {
        return (flag & RESPONSE_FLAG) != 0;
    }

    public boolean isOneway() {
        return (flag & ONEWAY_FLAG) != 0;
    }

    /** May be null. */
    public String remark() {
        return remark;
    }

    /** Never null; empty when the frame had none. */
    public Map<String, String> extFields() {
        return extFields == null ? Map.of() : extFields;
    }

    /** A header field, or null. */
    public String field(String name) {
        return extFields == null ? null : extFields.get(name);
    }

    /** A header field that must be there; {@link IllegalArgumentException} naming it otherwise. */
    public String requiredField(String name) {
        String value = field(name);
        if (value == null) {
            throw new IllegalArgumentException("request " + code + " without " + name);
        }
        return value;
    }

    /** A required header field holding a whole number. */
    public long longField(String name) {
        String value = requiredField(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("request " + code + " field " + name + " is not a number: " + value);
        }
    }

    /** A required header field holding an int. */
    public int intField(String name) {
        long value = longField(name);
        if (value != (int) value) {
            throw new IllegalArgumentException("request " + code + " field " + name + " is out of range: " + value);
        }
        return (int) value;
    }

    /** Never null; empty when the frame had no body. */
    public byte[] body() {
        return body == null ? new byte[0] : body;
    }

    public SerializeType serializeType() {
        return serializeType;
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", opaque=" + opaque + ", flag=" + flag + ", remark=" + remark
                + ", extFields=" + extFields + ", body=" + body().length + " bytes, " + serializeType + "]";
    }
}
