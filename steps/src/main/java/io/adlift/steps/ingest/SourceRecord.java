package io.adlift.steps.ingest;

import java.util.List;

/**
 * One record as read from a source file, before typing: where it starts, its raw fields, and, when
 * the file could not be split into fields at that point, why not ({@code malformed} non-null).
 *
 * @param recordNumber 1-based number of the data record in the file (the header is not counted)
 * @param line         1-based line on which the record starts
 * @param fields       the raw field texts in header order (empty when malformed)
 */
public record SourceRecord(String file, long recordNumber, long line, List<String> fields, String malformed) {

    public SourceRecord {
        fields = List.copyOf(fields);
    }

    static SourceRecord of(String file, long recordNumber, long line, List<String> fields) {
        return new SourceRecord(file, recordNumber, line, fields, null);
    }

    /** True when the file could not be read past this record: everything after it is lost. */
    public boolean endsTheFile() {
        return malformed != null;
    }

    /** The fields joined as one CSV line, for showing a rejected record to a person. */
    public String raw() {
        return String.join(",", fields);
    }
}
