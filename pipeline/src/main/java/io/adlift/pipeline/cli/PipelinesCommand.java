package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.PipelineCatalog;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "pipelines", mixinStandardHelpOptions = true, description = "List the pipelines defined in config/pipelines.")
class PipelinesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final PipelineCatalog catalog;

    PipelinesCommand(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Pipeline p : catalog.all()) {
            out.printf("%-22s %-15s %s%n", p.name(), p.definition().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    p.definition().description());
        }
        out.flush();
        return ExitCode.COMPLETED.code();
    }
}
