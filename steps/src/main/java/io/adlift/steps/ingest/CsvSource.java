package io.adlift.steps.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams a CSV file record by record with Commons CSV: CR, LF or CRLF line ends, an optional UTF-8
 * byte-order mark, quoted fields with embedded separators, quotes and newlines. Memory does not grow
 * with the file. A file that stops being parseable (an unterminated quote) yields one last
 * {@link SourceRecord#malformed() malformed} record saying which lines it swallowed, so that no line
 * goes unaccounted for.
 */
public final class CsvSource implements RecordSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final String file;
    private final RecordLengthLimit limit;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long recordsRead;
    private long linesConsumed;
    private long position;
    private boolean exhausted;
    private SourceRecord next;

    private CsvSource(Path path, long skipRecords, int maxRecordChars) throws IOException {
        this.file = path.toString();
        // Bytes that are not UTF-8 decode to U+FFFD, which RecordTyper rejects with the record's line: a
        // strict decoder would fail ahead of the record at fault, since the reader decodes a buffer at a time.
        this.limit = new RecordLengthLimit(new InputStreamReader(BOMInputStream.builder()
                .setInputStream(Files.newInputStream(path)).get(), StandardCharsets.UTF_8), maxRecordChars);
        Reader reader = limit;
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (UncheckedIOException | IOException | IllegalArgumentException e) {
            reader.close();
            throw new IOException(file + ", line 1: cannot read the header line: " + describe(e), e);
        }
        this.header = List.copyOf(parser.getHeaderNames());
        if (header.isEmpty()) {
            parser.close();
            throw new IOException(file + ": the file is empty; expected a header line naming the columns");
        }
        this.records = parser.iterator();
        this.linesConsumed = parser.getCurrentLineNumber();
        while (recordsRead < skipRecords && hasNext()) {
            next();
        }
    }

    /**
     * Opens {@code path}, reads its header and skips the first {@code skipRecords} data records (those
     * a previous, interrupted run already committed).
     */
    public static CsvSource open(Path path, long skipRecords) throws IOException {
        return open(path, skipRecords, RecordLengthLimit.MAX_RECORD_CHARS);
    }

    /** {@link #open} with another bound on a record's length, in characters. */
    static CsvSource open(Path path, long skipRecords, int maxRecordChars) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new java.io.FileNotFoundException(path + ": no such file");
        }
        return new CsvSource(path, skipRecords, maxRecordChars);
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public List<String> header() {
        return header;
    }

    /** Data records handed out so far, skipped ones included; what a restart passes back to {@link #open}. */
    @Override
    public long recordsRead() {
        return recordsRead;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !exhausted) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more records");
        }
        SourceRecord record = next;
        next = null;
        recordsRead++;
        return record;
    }

    private SourceRecord readNext() {
        long startLine = linesConsumed + 1;
        try {
            if (!records.hasNext()) {
                exhausted = true;
                return null;
            }
            CSVRecord record = records.next();
            limit.recordDone();
            linesConsumed = parser.getCurrentLineNumber();
            position = record.getCharacterPosition();
            return SourceRecord.of(file, recordsRead + 1, startLine, record.toList());
        } catch (UncheckedIOException e) {
            // The lexer gives up for the rest of the file: report every line it swallowed.
            exhausted = true;
            long lastLine = Math.max(startLine, parser.getCurrentLineNumber());
            if (rootCause(e) instanceof RecordLengthLimit.TooLongException tooLong) {
                // Nothing after it can be split reliably: where the record ends is what cannot be known.
                return new SourceRecord(file, recordsRead + 1, startLine, List.of(), "starts " + tooLong.getMessage()
                        + ", more than a record of any source holds; it and the rest of the file are not read");
            }
            String reason = "cannot be split into fields (" + rootMessage(e) + "); lines " + startLine + "-" + lastLine
                    + " are unreadable, most likely a quoted field that is never closed";
            return new SourceRecord(file, recordsRead + 1, startLine, List.of(), reason);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable e) {
        return rootCause(e).getMessage();
    }

    private static String describe(Throwable e) {
        return rootMessage(e);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
