package io.adlift.steps.ingest;

/**
 * A record that cannot become a row, with everything a person needs to find and fix it. Ingest
 * counts it as skipped and records it in the reject table; it never fails a run by itself.
 */
public final class RowRejectedException extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String reason;
    private final String raw;

    public RowRejectedException(String file, long line, String column, String reason, String raw) {
        super(file + ", line " + line + (column == null ? "" : ", column " + column) + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.raw = raw;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The column at fault, or {@code null} when the whole record is. */
    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    public String raw() {
        return raw;
    }
}
