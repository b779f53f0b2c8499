package dev.bolide.broker.acl;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestGuard;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The broker's request guard when {@code aclEnable = true}: every request is checked against the
 * rules in force. A refusal is answered as RocketMQ 4.9 answers it (its ACL hook throws, and its
 * server turns that into SYSTEM_ERROR with the exception as remark): code SYSTEM_ERROR, remark
 * {@code AclException: } and RocketMQ's words for what is missing.
 */
final class AccessControl implements RequestGuard {
    private static final System.Logger LOG = System.getLogger(AccessControl.class.getName());
    private static final String REMARK_PREFIX = "AclException: ";

    private final Supplier<AclRules> rules;

    AccessControl(Supplier<AclRules> rules) {
        this.rules = rules;
    }

    @Override
    public Optional<Refusal> check(Channel channel, RemotingCommand request) {
        String host = ((InetSocketAddress) channel.remoteAddress()).getAddress().getHostAddress();
        Map<String, Byte> resources;
        try {
            // RocketMQ derives nothing from a request without header fields: it is refused for its missing key
            resources = request.extFields().isEmpty() ? Map.of() : RequestResources.of(request);
        } catch (RuntimeException e) {
            return Optional.of(refusal(host, request, "cannot read request " + request.code() + ": " + e.getMessage()));
        }
        return AccessValidator.refusal(rules.get(), host, request, resources)
                .map(reason -> refusal(host, request, reason));
    }

    private static Refusal refusal(String host, RemotingCommand request, String reason) {
        LOG.log(System.Logger.Level.DEBUG, "refused request {0} from {1}: {2}", request.code(), host, reason);
        return new Refusal(ResponseCode.SYSTEM_ERROR, REMARK_PREFIX + reason);
    }
}
