package io.adlift.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.SimpleTriggerContext;

class FireTimesTest {

    private static final Instant TEN = Instant.parse("2026-12-02T10:00:00Z");

    private static ScheduleProperties.PipelineSchedule everyTwoSeconds(ScheduleProperties.Misfire misfire) {
        return new ScheduleProperties.PipelineSchedule("*/2 * * * * *", ZoneId.of("UTC"), Map.of(), 0, misfire, 0,
                Duration.ofMinutes(1), Duration.ofHours(6));
    }

    /** A fire at 10:00:00 that ran until 10:00:05, past the fires of 10:00:02 and 10:00:04. */
    private static SimpleTriggerContext ranFiveSeconds() {
        return new SimpleTriggerContext(TEN, TEN, TEN.plusSeconds(5));
    }

    @Test
    void skipGoesOnAfterTheLastCompletion() {
        FireTimes times = new FireTimes(everyTwoSeconds(ScheduleProperties.Misfire.SKIP), List.of(), TEN);

        assertThat(times.nextExecution(ranFiveSeconds())).isEqualTo(TEN.plusSeconds(6));
        assertThat(times.current()).isEqualTo(TEN.plusSeconds(6));
    }

    @Test
    void catchUpRunsTheFiresThatPassedWhileOneRan() {
        FireTimes times = new FireTimes(everyTwoSeconds(ScheduleProperties.Misfire.CATCH_UP), List.of(), TEN);

        assertThat(times.nextExecution(ranFiveSeconds())).isEqualTo(TEN.plusSeconds(2));
    }

    @Test
    void missedFiresComeFirstOldestFirstThenTheCronGoesOnFromWhereCatchingUpResumes() {
        Instant resume = TEN.plusSeconds(60);
        FireTimes times = new FireTimes(everyTwoSeconds(ScheduleProperties.Misfire.CATCH_UP),
                List.of(TEN, TEN.plusSeconds(2)), resume);

        assertThat(times.nextExecution(new SimpleTriggerContext())).isEqualTo(TEN);
        assertThat(times.current()).isEqualTo(TEN);
        assertThat(times.lastMissed()).isFalse();
        assertThat(times.nextExecution(new SimpleTriggerContext(TEN, TEN, TEN.plusSeconds(1)))).isEqualTo(TEN.plusSeconds(2));
        assertThat(times.lastMissed()).isTrue();
        // The fires between the last missed one and the resume point were given up (over the catch-up limit).
        assertThat(times.nextExecution(new SimpleTriggerContext(TEN.plusSeconds(2), TEN.plusSeconds(2),
                TEN.plusSeconds(3)))).isEqualTo(resume.plusSeconds(2));
        assertThat(times.lastMissed()).isFalse();
    }

    @Test
    void theFirstFireOfANewScheduleIsTheCronsNextTimeFromNow() {
        FireTimes times = new FireTimes(everyTwoSeconds(ScheduleProperties.Misfire.SKIP), List.of(), TEN);

        Instant before = Instant.now();
        Instant first = times.nextExecution(new SimpleTriggerContext());

        assertThat(first).isAfter(before).isBeforeOrEqualTo(before.plusSeconds(2));
        assertThat(first.getEpochSecond() % 2).isZero();
    }
}
