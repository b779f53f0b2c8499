package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.RequestCode;
import java.util.Set;

/** The name-server requests that change its state, all of them {@link AdminRequests}. */
final class NameServerWrites {
    // RocketMQ 4.9 request codes that protocol's RequestCode does not name
    private static final int DELETE_KV_CONFIG = 102;
    private static final int WIPE_WRITE_PERM_OF_BROKER = 205;
    private static final int UPDATE_NAMESRV_CONFIG = 318;
    private static final int ADD_WRITE_PERM_OF_BROKER = 327;

    private static final Set<Integer> CODES = Set.of(RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER,
            RequestCode.PUT_KV_CONFIG, DELETE_KV_CONFIG, RequestCode.DELETE_TOPIC_IN_NAMESRV,
            WIPE_WRITE_PERM_OF_BROKER, ADD_WRITE_PERM_OF_BROKER, UPDATE_NAMESRV_CONFIG);

    private NameServerWrites() {
    }

    static boolean contains(int requestCode) {
        return CODES.contains(requestCode);
    }
}
