package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.job.Failures;
import io.adlift.pipeline.job.RunOperations;
import java.util.Arrays;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command line given to the application and keeps its exit code for
 * {@code SpringApplication.exit}. Spring properties given as {@code --name.with.dots=value}
 * ({@code --spring.datasource.url=…}, {@code --server.port=…}) are Spring's, not the command's.
 */
@Component
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    @Command(name = "adlift", mixinStandardHelpOptions = true, version = "adlift 0.1.0",
            description = "Marketing-campaign analytics pipelines: ingest, clean, KPIs, XGBoost models, deploy.")
    static final class Root {
    }

    private final CommandLine commandLine;
    private int exitCode;

    CliRunner(RunCommand run, RestartCommand restart, RecoverCommand recover, StopCommand stop, AbandonCommand abandon,
            StatusCommand status, RunsCommand runs, PipelinesCommand pipelines, ScheduleCommand schedule,
            GenerateCommand generate, ServeCommand serve) {
        this.commandLine = new CommandLine(new Root())
                .addSubcommand(run).addSubcommand(restart).addSubcommand(recover).addSubcommand(stop)
                .addSubcommand(abandon).addSubcommand(status).addSubcommand(runs).addSubcommand(pipelines)
                .addSubcommand(schedule).addSubcommand(generate).addSubcommand(serve);
        this.commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DefinitionException d) {
                d.problems().forEach(p -> cmd.getErr().println("adlift: " + p));
                return ExitCode.USAGE.code();
            }
            if (e instanceof RunOperations.NotAllowedException refused) {
                cmd.getErr().println("adlift: " + refused.getMessage());
                return refused.running() ? ExitCode.ALREADY_RUNNING.code() : ExitCode.USAGE.code();
            }
            cmd.getErr().println("adlift: " + Failures.describe(e) + (Failures.databaseUnreachable(e).isPresent()
                    ? "; once it is back, relaunch the same command (if it then says the run is still running, "
                            + "'adlift recover' it first)" : ""));
            if (System.getenv("ADLIFT_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return ExitCode.ERROR.code();
        });
        this.commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code());
    }

    @Override
    public void run(String... args) {
        String[] own = Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
        if (own.length == 0) {
            commandLine.usage(commandLine.getOut());
            exitCode = ExitCode.USAGE.code();
            return;
        }
        exitCode = commandLine.execute(own);
        if (exitCode == CommandLine.ExitCode.USAGE) {
            exitCode = ExitCode.USAGE.code();
        }
    }

    /** {@code --name.with.dots=value}: a Spring property; Adlift's own options have no dots in their names. */
    private static boolean isSpringProperty(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
