package io.adlift.pipeline.ingest;

import io.adlift.pipeline.progress.ProgressDisplay;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Reports ingest's progress after every chunk: rows read, and how far into the input files that is. */
final class IngestProgress implements ChunkListener<SourceItem, StagedRow>, StepExecutionListener {

    private final SourcesReader reader;
    private final ProgressDisplay display;

    IngestProgress(SourcesReader reader, ProgressDisplay display) {
        this.reader = reader;
        this.display = display;
    }

    @Override
    public void afterChunk(Chunk<StagedRow> chunk) {
        display.update("ingest", reader.recordsRead(), "rows", reader.fraction());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        display.finish("ingest");
        return null;
    }
}
