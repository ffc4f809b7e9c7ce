package io.adlift.pipeline;

import io.adlift.pipeline.cli.ExitCode;
import io.adlift.pipeline.definition.DefinitionException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The {@code adlift} executable: starts Spring, runs one command, exits with its code. */
@SpringBootApplication
public class AdliftApplication {

    private static final java.util.Set<String> LONG_RUNNING = java.util.Set.of("schedule", "serve");

    private static String firstCommand(String... args) {
        return java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; start-up failures become a message, not a stack trace. */
    public static int run(String... args) {
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
        // Help, the version and usage errors are answered at once, without starting the application.
        java.util.Optional<Integer> answered = io.adlift.pipeline.cli.CommandLineCheck.answer(args, out, err);
        if (answered.isPresent()) {
            return answered.get();
        }
        ShutdownGate gate = new ShutdownGate();
        int code = runCommand(gate, args);
        gate.exiting(code);
        return code;
    }

    private static int runCommand(ShutdownGate gate, String... args) {
        SpringApplication application = new SpringApplication(AdliftApplication.class);
        // Only the long-running modes serve HTTP (Actuator health and metrics); one-shot commands start fast.
        application.setWebApplicationType(LONG_RUNNING.contains(firstCommand(args)) ? WebApplicationType.SERVLET
                : WebApplicationType.NONE);
        // A running job is stopped gracefully on SIGTERM (StopOnShutdown); Spring's own hook would close
        // the database under it.
        application.setRegisterShutdownHook(false);
        if ("serve".equals(firstCommand(args))) {
            // The web layer of adlift serve (API, dashboard, uploads); schedule serves Actuator alone. Serve
            // answers anyone, so its health details (paths, database, MLflow) go only to the token's holder.
            // It listens on the loopback interface only unless told otherwise (--address, server.address).
            application.setDefaultProperties(java.util.Map.of("adlift.serve.active", "true",
                    "management.endpoint.health.show-details", "when-authorized", "server.address", "127.0.0.1"));
            args = io.adlift.pipeline.serve.ServePort.withServerPort(args);
        } else if ("schedule".equals(firstCommand(args))) {
            application.setDefaultProperties(java.util.Map.of("management.endpoint.health.show-details", "always"));
        }
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("shutdownGate", gate));
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof DefinitionException)) {
                cause = cause.getCause();
            }
            if (cause instanceof DefinitionException definition) {
                definition.problems().forEach(p -> System.err.println("adlift: " + p));
                return ExitCode.USAGE.code();
            }
            Throwable root = e;
            boolean database = false;
            while (root.getCause() != null) {
                database |= root instanceof java.sql.SQLException;
                root = root.getCause();
            }
            database |= root instanceof java.sql.SQLException;
            System.err.println("adlift: cannot start: " + (database
                    ? "the database is unreachable (" + root.getMessage() + "); check SPRING_DATASOURCE_URL, "
                            + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD"
                    : root.getMessage()));
            if (System.getenv("ADLIFT_DEBUG") != null) {
                e.printStackTrace();
            }
            return ExitCode.ERROR.code();
        }
    }
}
