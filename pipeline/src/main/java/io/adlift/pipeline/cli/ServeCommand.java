package io.adlift.pipeline.cli;

import io.adlift.pipeline.ShutdownGate;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Keeps the web application up until SIGTERM: the prediction API, the dashboard and (when enabled) uploads.
 * The web server itself is started by Spring before this runs ({@code AdliftApplication} makes {@code serve}
 * a servlet application and reads {@code --port} as {@code server.port}).
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve predictions of the deployed models (POST /api/v1/pipelines/{pipeline}/predict), the KPI "
                + "dashboard (/) and, when enabled, uploads, until stopped (SIGTERM or Ctrl-C).")
class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: server.port, 8080).")
    private Integer port;

    private final ShutdownGate gate;
    private final Duration grace;
    private final ApplicationEventPublisher events;
    private final int serverPort;

    ServeCommand(ShutdownGate gate, @Value("${adlift.shutdown.grace:PT2M}") Duration grace,
            ApplicationEventPublisher events, @Value("${local.server.port:${server.port:8080}}") int serverPort) {
        this.gate = gate;
        this.grace = grace;
        this.events = events;
        this.serverPort = serverPort;
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch shutdown = ShutdownSignal.install(gate, grace, ExitCode.COMPLETED, "adlift-serve-shutdown");
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        spec.commandLine().getErr().printf("adlift: serving on http://localhost:%d/ (dashboard), "
                + "/api/v1/pipelines/{pipeline}/predict, /v3/api-docs; stop with SIGTERM or Ctrl-C%n",
                port != null ? port : serverPort);
        shutdown.await();
        return ExitCode.COMPLETED.code();
    }
}
