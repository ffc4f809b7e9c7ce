package io.adlift.pipeline.ingest;

import io.adlift.pipeline.definition.StrategyRegistry;
import io.adlift.pipeline.run.RunContext;
import io.adlift.steps.ingest.RecordSource;
import io.adlift.steps.ingest.ReadAheadSource;
import io.adlift.steps.ingest.RecordTyper;
import io.adlift.steps.ingest.SourceFormat;
import io.adlift.steps.ingest.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the pipeline's sources one after another. Its state is the number of records read per
 * source, saved at every chunk commit, so a restart reopens each file after the records already
 * committed and nothing is read twice.
 */
class SourcesReader implements ItemStreamReader<SourceItem> {

    static String readKey(String source) {
        return "ingest." + source + ".read";
    }

    /** Set when a source file could not be read to its end: the records after that point are lost. */
    static String unreadableKey(String source) {
        return "ingest." + source + ".unreadable";
    }

    private final RunContext run;
    private final StrategyRegistry<SourceFormat> formats;
    private final List<String> sources;
    private ExecutionContext state;
    private long totalSize;
    private long finishedSize;
    private int current = -1;
    private RecordSource open;
    private SourceStager stager;
    private final RejectRecorder rejects;
    private final IngestSplit split;

    SourcesReader(RunContext run, StrategyRegistry<SourceFormat> formats, RejectRecorder rejects, IngestSplit split) {
        this.run = run;
        this.formats = formats;
        this.sources = run.pipeline().sourceNames();
        this.rejects = rejects;
        this.split = split;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        this.state = executionContext;
        for (String source : sources) {
            totalSize += size(run.input(source)); // fails before reading anything when an input is missing
            if (!executionContext.containsKey(readKey(source))) {
                executionContext.putLong(readKey(source), 0);
            }
        }
    }

    @Override
    public SourceItem read() {
        while (true) {
            if (open == null && !openNext()) {
                return null;
            }
            if (open.hasNext()) {
                SourceRecord record = open.next();
                if (record.endsTheFile()) {
                    state.putString(unreadableKey(sources.get(current)), record.file() + ", line " + record.line() + ": "
                            + record.malformed());
                }
                return new SourceItem(record, stager);
            }
            closeCurrent();
        }
    }

    private boolean openNext() {
        if (++current >= sources.size()) {
            return false;
        }
        String source = sources.get(current);
        SourceFormat format = formats.get(run.pipeline().steps().ingest().sources().get(source).reader());
        try {
            // Parsed on a thread of its own, so that parsing overlaps with typing and COPY on this one.
            open = new ReadAheadSource(format.open(run.input(source), state.getLong(readKey(source))));
        } catch (IOException e) {
            throw new ItemStreamException("source '" + source + "': " + e.getMessage(), e);
        }
        stager = new SourceStager(source, new RecordTyper(run.pipeline().schema(source), open.file(), open.header()),
                run.jobInstanceId(), rejects, split);
        return true;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (open != null) {
            executionContext.putLong(readKey(sources.get(current)), open.recordsRead());
        }
    }

    /** Records read so far (across restarts) and how much of the input that is, for progress displays. */
    double fraction() {
        long position = finishedSize + (open == null ? 0 : open.position());
        return totalSize == 0 ? Double.NaN : Math.min(1.0, (double) position / totalSize);
    }

    long recordsRead() {
        long records = 0;
        for (int i = 0; i < sources.size(); i++) {
            records += i == current && open != null ? open.recordsRead() : state.getLong(readKey(sources.get(i)), 0L);
        }
        return records;
    }

    private static long size(java.nio.file.Path path) {
        try {
            return java.nio.file.Files.size(path);
        } catch (IOException e) {
            throw new ItemStreamException(path + ": cannot read the input file: " + e.getMessage(), e);
        }
    }

    private void closeCurrent() {
        update(state);
        finishedSize += size(run.input(sources.get(current)));
        try {
            open.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open = null;
    }

    @Override
    public void close() {
        if (open != null) {
            closeCurrent();
        }
    }
}
