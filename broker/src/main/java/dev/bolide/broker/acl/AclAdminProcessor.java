package dev.bolide.broker.acl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The ACL requests of mqadmin 4.9: {@code updateAclConfig} (UPDATE_AND_CREATE_ACL_CONFIG),
 * {@code deleteAclConfig} (DELETE_ACL_CONFIG), {@code updateGlobalWhiteAddr}
 * (UPDATE_GLOBAL_WHITE_ADDRS_CONFIG) and {@code clusterAclConfigVersion} (GET_BROKER_CLUSTER_ACL_INFO),
 * answered as RocketMQ's broker answers them. All are {@link AdminRequests}: RocketMQ lets any signed
 * account change the ACL, Bolide only an admin.
 */
public final class AclAdminProcessor implements RequestProcessor {
    // RocketMQ's ResponseCode for the failures of the three changes
    private static final int UPDATE_AND_CREATE_ACL_CONFIG_FAILED = 209;
    private static final int DELETE_ACL_CONFIG_FAILED = 210;
    private static final int UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED = 211;
    private static final JsonFactory JSON = new JsonFactory();

    private final AclFileEditor editor;
    private final Supplier<Map<String, String>> identity;

    /**
     * @param identity {@code clusterName}, {@code brokerName} and {@code brokerAddr}, as
     *                 GET_BROKER_CLUSTER_ACL_INFO answers them (the address is known once the broker listens)
     */
    public AclAdminProcessor(WatchedAclFile acl, Supplier<Map<String, String>> identity) {
        this.editor = new AclFileEditor(acl, Clock.systemUTC());
        this.identity = identity;
    }

    /** The codes this processor answers. */
    public static List<Integer> codes() {
        return List.of(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG,
                RequestCode.GET_BROKER_CLUSTER_ACL_INFO, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG);
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.UPDATE_AND_CREATE_ACL_CONFIG -> change(request, UPDATE_AND_CREATE_ACL_CONFIG_FAILED,
                    () -> editor.putAccount(account(request)));
            case RequestCode.DELETE_ACL_CONFIG -> change(request, DELETE_ACL_CONFIG_FAILED, () -> delete(request));
            case RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG -> change(request,
                    UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, () -> whiteAddresses(request));
            default -> version(request);
        });
    }

    /** A change that can fail; its failure is answered with {@code failedCode} and the reason. */
    @FunctionalInterface
    private interface Change {
        void apply() throws AclFileException, IOException;
    }

    private static RemotingCommand change(RemotingCommand request, int failedCode, Change change) {
        try {
            change.apply();
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
        } catch (AclFileException | IOException | IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, failedCode, e.getMessage(), null, null);
        }
    }

    /** The fields RocketMQ writes: keys always, the others only when the request has them. */
    private static Map<String, Object> account(RemotingCommand request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accessKey", request.requiredField("accessKey"));
        putIfGiven(fields, "secretKey", request.field("secretKey"));
        if (request.field("whiteRemoteAddress") != null) {
            fields.put("whiteRemoteAddress", request.field("whiteRemoteAddress"));
        }
        fields.put("admin", Boolean.parseBoolean(request.field("admin")));
        putIfGiven(fields, "defaultTopicPerm", request.field("defaultTopicPerm"));
        putIfGiven(fields, "defaultGroupPerm", request.field("defaultGroupPerm"));
        putListIfGiven(fields, "topicPerms", request.field("topicPerms"));
        putListIfGiven(fields, "groupPerms", request.field("groupPerms"));
        return fields;
    }

    private static void putIfGiven(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static void putListIfGiven(Map<String, Object> fields, String name, String commaSeparated) {
        if (commaSeparated != null) {
            fields.put(name, split(commaSeparated));
        }
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private void delete(RemotingCommand request) throws AclFileException, IOException {
        String accessKey = request.requiredField("accessKey");
        if (!editor.deleteAccount(accessKey)) {
            throw new IllegalArgumentException("The accesskey[" + accessKey
                    + "] corresponding to accessConfig has been deleted failed.");
        }
    }

    /** Bolide reads one file: a request naming another is refused rather than written elsewhere. */
    private void whiteAddresses(RemotingCommand request) throws AclFileException, IOException {
        String named = request.field("aclFileFullPath");
        if (named != null && !named.isEmpty() && !editor.file().toAbsolutePath().toString().equals(named)) {
            throw new IllegalArgumentException(named + " is not the ACL file of this broker, " + editor.file());
        }
        editor.setGlobalWhiteRemoteAddresses(split(request.requiredField("globalWhiteAddrs")));
    }

    private RemotingCommand version(RemotingCommand request) throws IOException {
        DataVersion version;
        try {
            version = editor.version();
        } catch (AclFileException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        Map<String, String> fields = new LinkedHashMap<>(identity.get());
        fields.put("version", json(null, version));
        fields.put("allAclFileVersion", json(editor.file().toAbsolutePath().toString(), version));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, fields, null);
    }

    /**
     * {@code version} as JSON; with {@code file}, an object mapping that file to it, as RocketMQ
     * writes its per-file versions.
     */
    private static String json(String file, DataVersion version) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            if (file != null) {
                json.writeStartObject();
                json.writeFieldName(file);
            }
            version.write(json);
            if (file != null) {
                json.writeEndObject();
            }
        }
        return text.toString();
    }
}
