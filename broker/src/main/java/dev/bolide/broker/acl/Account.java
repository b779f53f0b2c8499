package dev.bolide.broker.acl;

import java.util.Map;

/**
 * One entry of {@code accounts} in {@code plain_acl.yml}.
 *
 * @param whiteRemoteAddress requests from a matching address are let through unsigned and unchecked,
 *                           as RocketMQ 4.9 lets them through
 * @param permissions        the permission on each named resource: topics by name, groups by their
 *                           retry topic ({@code %RETRY%group}), as RocketMQ keys them
 */
record Account(String accessKey, String secretKey, RemoteAddressPattern whiteRemoteAddress, boolean admin,
        byte defaultTopicPerm, byte defaultGroupPerm, Map<String, Byte> permissions) {

    Account {
        permissions = Map.copyOf(permissions);
    }

    /** The permission on {@code resource}: the one named for it, else the default for its kind. */
    byte permissionOn(String resource) {
        Byte named = permissions.get(resource);
        if (named != null) {
            return named;
        }
        return Resources.isGroup(resource) ? defaultGroupPerm : defaultTopicPerm;
    }
}
