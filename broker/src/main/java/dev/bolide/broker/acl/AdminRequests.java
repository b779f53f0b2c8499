package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RequestCode;
import java.util.Set;

/**
 * Requests only an {@code admin: true} account may make: RocketMQ 4.9's five ({@code Permission.ADMIN_CODE}:
 * topic and group create/update/delete, broker configuration), and those that RocketMQ leaves to
 * anyone though they let a client destroy or take what is not its own: moving a group's offsets,
 * re-sending dead letters into their topics, listing and forgetting the XA branches of every client,
 * asking for, or reporting applied, the outcome of any client's transaction that spanned brokers,
 * reading or changing the ACL itself, changing name-server state (a broker registering is one: a
 * rogue one would take the routes of the topics it claims), deleting files.
 * Codes Bolide does not serve yet are listed too, so that serving one later cannot open it by mistake.
 */
final class AdminRequests {
    private static final Set<Integer> ROCKETMQ = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC,
            RequestCode.UPDATE_BROKER_CONFIG, RequestCode.DELETE_TOPIC_IN_BROKER,
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.DELETE_SUBSCRIPTIONGROUP);
    private static final Set<Integer> BOLIDE = Set.of(BolideRequestCode.RESEND_DEAD_LETTER,
            BolideRequestCode.BRANCH_RECOVER, BolideRequestCode.BRANCH_FORGET,
            // brokers ask one another, signed with their aclAccessKey account; a report makes a coordinator forget
            BolideRequestCode.BRANCH_OUTCOME,
            // offsets
            RequestCode.RESET_CONSUMER_OFFSET_IN_BROKER, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            RequestCode.CLONE_GROUP_OFFSET,
            // the ACL; GET_BROKER_CLUSTER_ACL_CONFIG answers every secret key
            RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_INFO, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG,
            // name-server state
            RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER, RequestCode.PUT_KV_CONFIG,
            RequestCode.DELETE_KV_CONFIG, RequestCode.DELETE_TOPIC_IN_NAMESRV, RequestCode.UPDATE_NAMESRV_CONFIG,
            RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER,
            // files, and messages pushed at consumers or half messages checked on request
            RequestCode.TRIGGER_DELETE_FILES, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, RequestCode.CLEAN_UNUSED_TOPIC,
            RequestCode.DELETE_EXPIRED_COMMITLOG, RequestCode.CONSUME_MESSAGE_DIRECTLY,
            RequestCode.RESUME_CHECK_HALF_MESSAGE);

    private AdminRequests() {
    }

    static boolean needAdmin(int requestCode) {
        return ROCKETMQ.contains(requestCode) || BOLIDE.contains(requestCode);
    }
}
