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

    @Option(names = "--address", paramLabel = "ADDRESS", description = "Interface to listen on (default: "
            + "server.address, 127.0.0.1: this machine only; 0.0.0.0 for every interface).")
    private String address;

    private final ShutdownGate gate;
    private final Duration grace;
    private final ApplicationEventPublisher events;
    private final int serverPort;
    private final String serverAddress;

    ServeCommand(ShutdownGate gate, @Value("${adlift.shutdown.grace:PT2M}") Duration grace,
            ApplicationEventPublisher events, @Value("${local.server.port:${server.port:8080}}") int serverPort,
            @Value("${server.address:}") String serverAddress) {
        this.gate = gate;
        this.grace = grace;
        this.events = events;
        this.serverPort = serverPort;
        this.serverAddress = serverAddress;
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch shutdown = ShutdownSignal.install(gate, grace, ExitCode.COMPLETED, "adlift-serve-shutdown");
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        // The address Tomcat was bound to (server.address, which --address sets), not a name that may differ.
        String host = serverAddress.isBlank() ? "0.0.0.0" : serverAddress;
        String shown = host.contains(":") ? "[" + host + "]" : host;
        spec.commandLine().getErr().printf("adlift: serving on http://%s:%d/ (dashboard)%s, "
                + "/api/v1/pipelines/{pipeline}/predict, /v3/api-docs; stop with SIGTERM or Ctrl-C%n",
                shown, serverPort, host.equals("0.0.0.0") || host.equals("::") ? " on every interface" : "");
        shutdown.await();
        return ExitCode.COMPLETED.code();
    }
}
