package dev.bolide.broker.admin;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * The thread pools whose queues GET_BROKER_RUNTIME_INFO shows under RocketMQ's names: sends (and
 * transaction ends, which Bolide serves on the same pool), pulls, and queries (served with the other
 * admin requests).
 */
public record RequestPools(ThreadPoolExecutor send, ThreadPoolExecutor pull, ThreadPoolExecutor query) {
}
