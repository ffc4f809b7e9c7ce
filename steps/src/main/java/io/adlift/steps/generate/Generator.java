package io.adlift.steps.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one pipeline's input files. */
public interface Generator {

    /** The pipeline the files are for. */
    String pipeline();

    /**
     * Writes the files into {@code outDir}; {@code rows} sizes the main fact table. Returns the files
     * written, one per source, named {@code <source>.csv}.
     */
    List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException;
}
