package io.adlift.pipeline.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class StepHeartbeatTest {

    /** What a display was told, in order. */
    private static final class Recording implements ProgressDisplay {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void update(String task, long count, String unit, double fraction) {
            calls.add("update " + task);
        }

        @Override
        public void working(String task, Duration elapsed) {
            calls.add("working " + task + " " + elapsed.toSeconds());
        }

        @Override
        public void finish(String task) {
            calls.add("finish " + task);
        }
    }

    private static StepExecution step(String name, long id) {
        JobExecution job = new JobExecution(id, new JobInstance(id, "job"), new JobParameters());
        return new StepExecution(id, name, job);
    }

    @Test
    void shouldSayALongStepIsWorkingUntilItEnds() throws Exception {
        Recording display = new Recording();
        StepHeartbeat heartbeat = new StepHeartbeat(display);
        StepExecution clean = step("clean", 1);

        heartbeat.beforeStep(clean);
        Thread.sleep(StepHeartbeat.QUIET.toMillis() + 1_500);
        heartbeat.afterStep(clean);
        int calls = display.calls.size();
        Thread.sleep(1_200);

        assertThat(display.calls).contains("working clean 3").last().isEqualTo("finish clean");
        assertThat(display.calls).as("nothing after the step's end").hasSize(calls);
    }

    @Test
    void shouldSayNothingForAShortStep() {
        Recording display = new Recording();
        StepHeartbeat heartbeat = new StepHeartbeat(display);
        StepExecution split = step("split", 2);

        heartbeat.beforeStep(split);
        heartbeat.afterStep(split);

        assertThat(display.calls).containsExactly("finish split");
    }
}
