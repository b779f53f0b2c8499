package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.RequestCode;
import java.util.Set;

/** The name-server requests that change its state, all of them {@link AdminRequests}. */
final class NameServerWrites {
    private static final Set<Integer> CODES = Set.of(RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER,
            RequestCode.PUT_KV_CONFIG, RequestCode.DELETE_KV_CONFIG, RequestCode.DELETE_TOPIC_IN_NAMESRV,
            RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER,
            RequestCode.UPDATE_NAMESRV_CONFIG);

    private NameServerWrites() {
    }

    static boolean contains(int requestCode) {
        return CODES.contains(requestCode);
    }
}
