package dev.bolide.broker.console;

import dev.bolide.broker.schedule.LevelBacklog;
import dev.bolide.broker.schedule.ScheduleService;
import dev.bolide.broker.timer.TimerService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Timers page: per delay level, the messages parked and when the first is due; and the timer
 * messages (RocketMQ 5 timer properties) waiting for their time. A slave delivers neither: its page
 * is empty.
 */
public final class TimersView implements View {
    private final ScheduleService schedule;
    private final TimerService timers;

    /**
     * @param schedule null on a slave
     * @param timers null on a slave
     */
    public TimersView(ScheduleService schedule, TimerService timers) {
        this.schedule = schedule;
        this.timers = timers;
    }

    @Override
    public String title() {
        return "Timers and delay levels";
    }

    @Override
    public List<Table> tables() {
        List<List<Cell>> levels = new ArrayList<>();
        for (LevelBacklog level : schedule == null ? List.<LevelBacklog>of() : schedule.backlog()) {
            levels.add(List.of(Cell.fixed(Integer.toString(level.level())),
                    Cell.fixed(Duration.ofMillis(level.delayMillis()).toString().substring(2).toLowerCase()),
                    Cell.live("level/" + level.level() + "/pending", level.pending()),
                    Cell.live("level/" + level.level() + "/nextDue", level.nextDue() < 0 ? "-"
                            : Instant.ofEpochMilli(level.nextDue()).toString())));
        }
        List<List<Cell>> timer = timers == null ? List.of()
                : List.of(List.of(Cell.live("timers/pending", timers.pendingTimers()), Cell.live("timers/nextDue",
                        timers.nextDue().stream().mapToObj(due -> Instant.ofEpochMilli(due).toString()).findFirst()
                                .orElse("-"))));
        return List.of(new Table("Delay levels", List.of("level", "delay", "pending", "next due"), levels),
                new Table("Timers", List.of("pending", "next due"), timer));
    }
}
