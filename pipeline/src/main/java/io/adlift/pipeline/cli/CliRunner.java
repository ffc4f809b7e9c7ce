package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.job.Failures;
import io.adlift.pipeline.job.RunOperations;
import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;
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

    /** The command tree: parsed before Spring starts ({@link CommandLineCheck}) and run inside it. */
    @Command(name = "adlift", mixinStandardHelpOptions = true, version = "adlift 0.1.0",
            description = "Marketing-campaign analytics pipelines: ingest, clean, KPIs, XGBoost models, deploy.",
            subcommands = {RunCommand.class, RestartCommand.class, RecoverCommand.class, StopCommand.class,
                    AbandonCommand.class, StatusCommand.class, RunsCommand.class, PipelinesCommand.class,
                    ScheduleCommand.class, GenerateCommand.class, ServeCommand.class})
    static final class Root {
    }

    private final CommandLine commandLine;
    private int exitCode;

    CliRunner(ListableBeanFactory beans) {
        // The commands are Spring beans; anything else picocli instantiates (converters, mixins) is not.
        this.commandLine = new CommandLine(Root.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K bean = beans.getBeanProvider(type).getIfAvailable();
                return bean != null ? bean : CommandLine.defaultFactory().create(type);
            }
        });
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
        String[] own = own(args);
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

    /** The command line without Spring's properties: what picocli parses. */
    static String[] own(String... args) {
        return Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
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
