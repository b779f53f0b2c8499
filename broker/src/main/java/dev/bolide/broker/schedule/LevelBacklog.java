package dev.bolide.broker.schedule;

/**
 * What waits in one delay level.
 *
 * @param delayMillis the level's delay
 * @param pending messages parked in the level and not yet delivered
 * @param nextDue when the first of them is due (epoch ms); -1 when none waits
 */
public record LevelBacklog(int level, long delayMillis, long pending, long nextDue) {
}
