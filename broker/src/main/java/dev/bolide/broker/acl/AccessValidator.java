package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.RemotingCommand;
import java.util.Map;
import java.util.Optional;

/**
 * Decides one request against the rules, in RocketMQ 4.9's order ({@code PlainPermissionManager.validate})
 * and with its words, so that a refusal reads the same on either broker: a globally white address
 * passes; otherwise the access key must name an account; an account's white address passes; otherwise
 * the signature must be the account's; a send to the trace topic passes; an admin request needs an
 * admin; every resource needs its permission, named or default. An admin account that names no
 * resource at all may touch every resource, as in RocketMQ.
 */
final class AccessValidator {
    private static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private AccessValidator() {
    }

    /**
     * @param host      the client's address, without port
     * @param resources what the request touches ({@link RequestResources})
     * @return why the request is refused; empty when it may proceed
     */
    static Optional<String> refusal(AclRules rules, String host, RemotingCommand request, Map<String, Byte> resources) {
        if (rules.isGloballyWhite(host)) {
            return Optional.empty();
        }
        String accessKey = request.field(AclSignature.ACCESS_KEY);
        if (accessKey == null) {
            return Optional.of("No accessKey is configured");
        }
        Optional<Account> account = rules.account(accessKey);
        if (account.isEmpty()) {
            return Optional.of("No acl config for " + accessKey);
        }
        if (account.get().whiteRemoteAddress().matches(host)) {
            return Optional.empty();
        }
        if (!AclSignature.isSignedWith(request, account.get().secretKey())) {
            return Optional.of("Check signature failed for accessKey=" + accessKey);
        }
        Byte trace = resources.get(TRACE_TOPIC);
        if (trace != null && trace == Permission.PUB) {
            return Optional.empty();
        }
        return permissionRefusal(account.get(), request.code(), resources);
    }

    private static Optional<String> permissionRefusal(Account account, int requestCode, Map<String, Byte> resources) {
        if (AdminRequests.needAdmin(requestCode) && !account.admin()) {
            return Optional.of("Need admin permission for request code=" + requestCode + ", but accessKey="
                    + account.accessKey() + " is not");
        }
        if (account.admin() && account.permissions().isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Byte> needed : resources.entrySet()) {
            if (!Permission.grants(account.permissionOn(needed.getKey()), needed.getValue())) {
                // RocketMQ says "default" whether the permission missing was the default or a named one
                return Optional.of("No default permission for " + Resources.describe(needed.getKey()));
            }
        }
        return Optional.empty();
    }
}
