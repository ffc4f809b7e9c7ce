package io.adlift.pipeline.schedule;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * The fire times of one pipeline's schedule, as the {@link Trigger} its task is scheduled with: first the
 * fires missed while no scheduler ran (when the schedule catches up), then its cron's times. A fire that
 * passes while another runs is skipped or run late by the schedule's misfire policy: {@link CronTrigger}
 * alone goes on from the last completion (skip); catching up goes on from the last scheduled time.
 * The task asks {@link #current()} for the time it was fired for: a trigger is asked for the next time
 * only after the task it scheduled has ended.
 */
final class FireTimes implements Trigger {

    private final CronTrigger cron;
    private final ScheduleProperties.Misfire misfire;
    private final Deque<Instant> missed;
    /** Catching up goes on from here once the missed fires are run: fires older than it were given up. */
    private final Instant resumeFrom;
    private volatile Instant current;
    private volatile boolean currentWasMissed;

    FireTimes(ScheduleProperties.PipelineSchedule schedule, List<Instant> missed, Instant resumeFrom) {
        this.cron = new CronTrigger(schedule.cron(), schedule.zone());
        this.misfire = schedule.misfire();
        this.missed = new ArrayDeque<>(missed);
        this.resumeFrom = resumeFrom;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant last = context.lastScheduledExecution();
        Instant next;
        currentWasMissed = !missed.isEmpty();
        if (currentWasMissed) {
            next = missed.removeFirst();
        } else if (last == null || misfire == ScheduleProperties.Misfire.SKIP) {
            next = cron.nextExecution(context);
        } else {
            Instant from = last.isBefore(resumeFrom) ? resumeFrom : last;
            next = cron.nextExecution(new SimpleTriggerContext(from, from, from));
        }
        current = next;
        return next;
    }

    /** Whether the fire under way is the last of the missed ones: after it the cron's own times follow. */
    boolean lastMissed() {
        return currentWasMissed && missed.isEmpty();
    }

    /** The time of the fire under way, or of the next one when none is. */
    Instant current() {
        return current;
    }
}
