package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;

/**
 * The answer to a request nobody here serves: REQUEST_CODE_NOT_SUPPORTED with a remark that names
 * the request, so that an operator reading mqadmin's error knows what Bolide does not do.
 */
public final class UnsupportedRequest {
    private UnsupportedRequest() {
    }

    public static RemotingCommand answer(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, remark(request.code()),
                null, null);
    }

    /** E.g. "request code 315 (VIEW_BROKER_STATS_DATA) is not supported by Bolide". */
    public static String remark(int code) {
        String name = RequestCode.name(code);
        return name == null ? "request code " + code + " is not a RocketMQ 4.9 request and is not supported by Bolide"
                : "request code " + code + " (" + name + ") is not supported by Bolide";
    }
}
