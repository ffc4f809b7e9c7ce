package io.adlift.pipeline.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Types a record against its source's schema; an untypeable one is thrown as a skippable reject. */
final class TypingProcessor implements ItemProcessor<SourceItem, StagedRow> {

    @Override
    public StagedRow process(SourceItem item) {
        return new StagedRow(item.source(), item.typer().type(item.record()));
    }
}
