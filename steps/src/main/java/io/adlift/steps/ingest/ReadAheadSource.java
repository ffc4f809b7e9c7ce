package io.adlift.steps.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A record source read ahead on a thread of its own: parsing the file overlaps with whatever the
 * caller does with the records (typing them, sending them to the database). Records come in blocks
 * through a bounded queue, so memory stays flat whatever the file's size. The counts it reports are of
 * the records handed out, not of those parsed ahead: a restart resumes after the last one the caller
 * committed.
 */
public final class ReadAheadSource implements RecordSource {

    static final int BLOCK = 1024;
    static final int BLOCKS_AHEAD = 8;

    /** Records parsed in a row, with where each starts, or the failure that ended the parsing. */
    private record Block(List<SourceRecord> records, long[] positions, RuntimeException failure, boolean last) {
    }

    private final RecordSource source;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Thread parser;
    private Block block = new Block(List.of(), new long[0], null, false);
    private int index;
    private long handedOut;
    private long position;

    public ReadAheadSource(RecordSource source) {
        this.source = source;
        this.handedOut = source.recordsRead();
        this.position = source.position();
        this.parser = new Thread(this::parse, "read-ahead " + source.file());
        this.parser.setDaemon(true);
        this.parser.start();
    }

    private void parse() {
        try {
            boolean more = true;
            while (more) {
                List<SourceRecord> records = new ArrayList<>(BLOCK);
                long[] positions = new long[BLOCK];
                while (records.size() < BLOCK && source.hasNext()) {
                    records.add(source.next());
                    positions[records.size() - 1] = source.position();
                }
                more = source.hasNext();
                queue.put(new Block(records, positions, null, !more));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the caller: stop parsing
        } catch (RuntimeException e) {
            queue.offer(new Block(List.of(), new long[0], e, true));
        }
    }

    @Override
    public boolean hasNext() {
        while (index == block.records().size()) {
            if (block.last()) {
                return false;
            }
            try {
                block = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(source.file() + ": interrupted while waiting for records", e);
            }
            index = 0;
            if (block.failure() != null) {
                throw block.failure();
            }
        }
        return true;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException(source.file() + ": no more records");
        }
        position = block.positions()[index];
        handedOut++;
        return block.records().get(index++);
    }

    @Override
    public String file() {
        return source.file();
    }

    @Override
    public List<String> header() {
        return source.header();
    }

    @Override
    public long recordsRead() {
        return handedOut;
    }

    @Override
    public long position() {
        return position;
    }

    /** Stops the parsing thread, then closes the file: the two never touch the source at once. */
    @Override
    public void close() throws IOException {
        parser.interrupt();
        try {
            parser.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
