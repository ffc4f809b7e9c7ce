package io.adlift.steps.ingest;

import java.util.List;
import java.util.Map;

/**
 * Types raw records against a source schema. Fields are matched by header name, so the file's
 * column order does not matter and extra columns are ignored.
 */
public final class RecordTyper {

    /** What the UTF-8 decoder puts where the file's bytes are not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';

    private final SourceSchema schema;
    private final List<String> header;
    private final int[] fieldIndex;
    private final int headerSize;

    /**
     * @param header the file's header, in file order
     * @throws MissingColumnsException when the header lacks a declared column
     */
    public RecordTyper(SourceSchema schema, String file, List<String> header) {
        this.schema = schema;
        this.header = List.copyOf(header);
        this.headerSize = header.size();
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer first = positions.putIfAbsent(header.get(i).trim(), i);
            if (first != null) {
                // Which of the two columns holds the data cannot be guessed.
                throw new MissingColumnsException(file + ", line 1: the header names column '" + header.get(i).trim()
                        + "' twice (columns " + (first + 1) + " and " + (i + 1) + ")");
            }
        }
        List<String> missing = schema.names().stream().filter(n -> !positions.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new MissingColumnsException(file, missing, header);
        }
        this.fieldIndex = schema.columns().stream().mapToInt(c -> positions.get(c.name())).toArray();
    }

    /**
     * @throws RowRejectedException naming the record's line and the first column that is wrong
     */
    public TypedRow type(SourceRecord record) {
        if (record.malformed() != null) {
            throw new RowRejectedException(record.file(), record.line(), null, record.malformed(), record.raw());
        }
        List<String> fields = record.fields();
        if (fields.size() != headerSize) {
            throw new RowRejectedException(record.file(), record.line(), null,
                    "has " + fields.size() + " fields, the header has " + headerSize, record.raw());
        }
        rejectNulBytes(record);
        List<ColumnSpec> columns = schema.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            String text = fields.get(fieldIndex[i]).trim();
            if (text.isEmpty()) {
                continue; // missing values are the cleaning rules' to judge, not the parser's
            }
            if (text.indexOf(REPLACEMENT) >= 0) {
                throw new RowRejectedException(record.file(), record.line(), columns.get(i).name(),
                        "contains bytes that are not valid UTF-8 ('" + text + "'); save the file as UTF-8", record.raw());
            }
            try {
                values[i] = columns.get(i).type().parse(text);
            } catch (IllegalArgumentException e) {
                throw new RowRejectedException(record.file(), record.line(), columns.get(i).name(), e.getMessage(),
                        record.raw());
            }
        }
        return new TypedRow(record.file(), record.line(), values);
    }

    /**
     * A NUL byte anywhere in the record, in a declared column or not: PostgreSQL cannot store one in text
     * (not in staging, not in the reject table's copy of the record), and no CSV writer means one as data.
     */
    private void rejectNulBytes(SourceRecord record) {
        List<String> fields = record.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).indexOf('\0') >= 0) {
                throw new RowRejectedException(record.file(), record.line(), header.get(i),
                        "contains a NUL byte (0x00), which cannot be stored as text; remove it from the file", record.raw());
            }
        }
    }
}
