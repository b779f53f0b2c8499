package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RequestCode;
import java.util.Set;

/**
 * Requests only an {@code admin: true} account may make: RocketMQ 4.9's five ({@code Permission.ADMIN_CODE}:
 * topic and group create/update/delete, broker configuration), and those that RocketMQ leaves to
 * anyone though they let a client destroy or take what is not its own: moving a group's offsets,
 * re-sending dead letters into their topics, listing and forgetting the XA branches of every client,
 * reading or changing the ACL itself, changing name-server state (a broker registering is one: a
 * rogue one would take the routes of the topics it claims), deleting files.
 * Codes Bolide does not serve yet are listed too, so that serving one later cannot open it by mistake.
 */
final class AdminRequests {
    // RocketMQ 4.9 request codes that protocol's RequestCode does not name (Bolide serves none yet)
    private static final int TRIGGER_DELETE_FILES = 27;
    /** Answers every account with its secret key. */
    private static final int GET_BROKER_CLUSTER_ACL_CONFIG = 54;
    private static final int DELETE_KV_CONFIG = 102;
    private static final int WIPE_WRITE_PERM_OF_BROKER = 205;
    private static final int RESET_CONSUMER_OFFSET_IN_BROKER = 212;
    private static final int INVOKE_BROKER_TO_RESET_OFFSET = 222;
    private static final int CLEAN_EXPIRED_CONSUMEQUEUE = 306;
    private static final int CONSUME_MESSAGE_DIRECTLY = 309;
    private static final int CLONE_GROUP_OFFSET = 314;
    private static final int CLEAN_UNUSED_TOPIC = 316;
    private static final int UPDATE_NAMESRV_CONFIG = 318;
    private static final int RESUME_CHECK_HALF_MESSAGE = 323;
    private static final int ADD_WRITE_PERM_OF_BROKER = 327;
    private static final int DELETE_EXPIRED_COMMITLOG = 329;

    private static final Set<Integer> ROCKETMQ = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC,
            RequestCode.UPDATE_BROKER_CONFIG, RequestCode.DELETE_TOPIC_IN_BROKER,
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.DELETE_SUBSCRIPTIONGROUP);
    private static final Set<Integer> BOLIDE = Set.of(BolideRequestCode.RESEND_DEAD_LETTER,
            BolideRequestCode.BRANCH_RECOVER, BolideRequestCode.BRANCH_FORGET,
            RESET_CONSUMER_OFFSET_IN_BROKER, INVOKE_BROKER_TO_RESET_OFFSET, CLONE_GROUP_OFFSET,
            AclAdminProcessor.UPDATE_AND_CREATE_ACL_CONFIG, AclAdminProcessor.DELETE_ACL_CONFIG,
            AclAdminProcessor.GET_BROKER_CLUSTER_ACL_INFO, AclAdminProcessor.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            GET_BROKER_CLUSTER_ACL_CONFIG,
            RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER, RequestCode.PUT_KV_CONFIG, DELETE_KV_CONFIG, RequestCode.DELETE_TOPIC_IN_NAMESRV, UPDATE_NAMESRV_CONFIG,
            WIPE_WRITE_PERM_OF_BROKER, ADD_WRITE_PERM_OF_BROKER,
            TRIGGER_DELETE_FILES, CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC, DELETE_EXPIRED_COMMITLOG,
            CONSUME_MESSAGE_DIRECTLY, RESUME_CHECK_HALF_MESSAGE);

    private AdminRequests() {
    }

    static boolean needAdmin(int requestCode) {
        return ROCKETMQ.contains(requestCode) || BOLIDE.contains(requestCode);
    }
}
