package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import io.netty.channel.Channel;
import java.util.Optional;

/**
 * Consulted for every request that has a processor, just before the processor runs and on its
 * executor, as RocketMQ runs its server RPC hooks: access control refuses requests here. A guard
 * that throws refuses too (the request is answered SYSTEM_ERROR), so a broken guard never lets a
 * request through.
 */
@FunctionalInterface
public interface RequestGuard {
    /** Lets every request through: a server without access control. */
    RequestGuard ADMIT_ALL = (channel, request) -> Optional.empty();

    /**
     * @param channel the connection the request came on (its remote address)
     * @return empty to let the request reach its processor, or the answer that refuses it
     */
    Optional<Refusal> check(Channel channel, RemotingCommand request);

    /** The response code and remark a refused request is answered with (no answer when it is oneway). */
    record Refusal(int code, String remark) {
    }
}
