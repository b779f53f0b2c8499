package dev.bolide.broker.admin;

import java.util.concurrent.BlockingQueue;

/**
 * The queues of requests waiting for their thread that GET_BROKER_RUNTIME_INFO shows under RocketMQ's
 * names: sends (and transaction ends, which Bolide serves on the same lane), pulls, and queries
 * (served with the other admin requests).
 */
public record RequestPools(BlockingQueue<Runnable> send, BlockingQueue<Runnable> pull, BlockingQueue<Runnable> query) {
}
