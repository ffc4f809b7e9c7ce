package io.adlift.steps.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps one CSV record from growing without bound in memory. Commons CSV holds a whole record, and
 * copies of its fields, before handing it out, so one 300 MB line takes gigabytes and ends in "Java heap
 * space". This reader counts the characters the parser takes since the last record was handed out
 * ({@link #recordDone}) and fails with {@link TooLongException} once they pass the limit. The count
 * includes what the parser has buffered ahead (a few kilobytes), far below the limit.
 */
final class RecordLengthLimit extends FilterReader {

    /** Far more than a record of any source holds: a text value is at most 1,000 characters. */
    static final int MAX_RECORD_CHARS = 1_000_000;

    /** Thrown through the parser when a record passes the limit. */
    static final class TooLongException extends IOException {
        TooLongException(int limit) {
            super("a record longer than " + String.format(java.util.Locale.ROOT, "%,d", limit) + " characters");
        }
    }

    private final int limit;
    private long sinceRecord;

    RecordLengthLimit(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    void recordDone() {
        sinceRecord = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws TooLongException {
        sinceRecord += n;
        if (sinceRecord > limit) {
            throw new TooLongException(limit);
        }
    }
}
