/**
 * Delay levels, the RocketMQ way: a message with a {@code DELAY} level waits in its level's queue
 * of {@code SCHEDULE_TOPIC_XXXX} and is delivered to its real topic and queue when due, exactly once
 * across restarts and crashes.
 */
package dev.bolide.broker.schedule;
