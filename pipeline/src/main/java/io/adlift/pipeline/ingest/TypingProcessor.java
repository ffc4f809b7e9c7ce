package io.adlift.pipeline.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Stages each record through the stager its reader attached; a rejected record is filtered out (its
 * stager has recorded it). Stateless, so one instance serves every run without a step-scoped proxy,
 * whose bean look-up and reflective call would otherwise be paid on every record.
 */
final class TypingProcessor implements ItemProcessor<SourceItem, StagedRow> {

    @Override
    public StagedRow process(SourceItem item) {
        return item.stager().stage(item.record());
    }
}
