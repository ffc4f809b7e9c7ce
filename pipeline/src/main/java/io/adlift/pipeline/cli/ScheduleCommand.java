package io.adlift.pipeline.cli;

import io.adlift.pipeline.ShutdownGate;
import io.adlift.pipeline.schedule.PipelineScheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run the pipelines scheduled in adlift.schedule at their cron times until stopped (SIGTERM "
                + "or Ctrl-C stops a run under way at its next commit).")
class ScheduleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final PipelineScheduler scheduler;
    private final ShutdownGate gate;
    private final Duration grace;
    private final ApplicationEventPublisher events;

    ScheduleCommand(PipelineScheduler scheduler, ShutdownGate gate, @Value("${adlift.shutdown.grace:PT2M}") Duration grace,
            ApplicationEventPublisher events) {
        this.scheduler = scheduler;
        this.gate = gate;
        this.grace = grace;
        this.events = events;
    }

    @Override
    public Integer call() throws Exception {
        scheduler.validate();
        CountDownLatch shutdown = ShutdownSignal.install(gate, grace, ExitCode.STOPPED, "adlift-schedule-shutdown");
        scheduler.start();
        // Boot declares readiness only after command runners return, which this one never does.
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        spec.commandLine().getErr().println("adlift: scheduler started; stop it with SIGTERM or Ctrl-C");
        shutdown.await();
        scheduler.shutdown(grace);
        return ExitCode.COMPLETED.code();
    }
}
