package io.adlift.pipeline.cli;

import io.adlift.pipeline.definition.DefinitionException;
import io.adlift.pipeline.progress.ProgressDisplay;
import io.adlift.steps.generate.AdConversionsGenerator;
import io.adlift.steps.generate.CampaignClvGenerator;
import io.adlift.steps.generate.CampaignPurchasesGenerator;
import io.adlift.steps.generate.Generator;
import io.adlift.steps.generate.InfluencerRoasGenerator;
import io.adlift.steps.generate.SessionConversionGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a pipeline's input files with its seed project's distributions. The same seed gives "
                + "byte-identical files; memory does not grow with --rows.")
class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline to write input for.")
    private String pipeline;

    @Option(names = "--rows", required = true, description = "Rows of the main table.")
    private long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write <source>.csv files into.")
    private Path out;

    private final Map<String, Generator> generators;
    private final ProgressDisplay progress;

    GenerateCommand(ProgressDisplay progress) {
        this.generators = List.<Generator>of(new AdConversionsGenerator(), new CampaignClvGenerator(),
                new SessionConversionGenerator(), new CampaignPurchasesGenerator(),
                new InfluencerRoasGenerator()).stream()
                .collect(Collectors.toMap(Generator::pipeline, g -> g));
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        Generator generator = generators.get(pipeline);
        if (generator == null) {
            throw new DefinitionException(List.of("no generator for pipeline '" + pipeline + "'; generators: "
                    + generators.keySet().stream().sorted().toList()));
        }
        if (rows < 1) {
            throw new DefinitionException(List.of("--rows must be at least 1, got " + rows));
        }
        List<Path> files = generator.generate(out, rows, seed,
                (written, total) -> progress.update("generate", written, "rows", (double) written / total));
        progress.finish("generate");
        files.forEach(f -> spec.commandLine().getOut().println(f.toAbsolutePath()));
        spec.commandLine().getOut().flush();
        return ExitCode.COMPLETED.code();
    }
}
