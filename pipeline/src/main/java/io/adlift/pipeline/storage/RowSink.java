package io.adlift.pipeline.storage;

import java.util.List;

/**
 * How typed rows reach a table inside the current transaction: PostgreSQL's COPY where it runs (the
 * fastest way in), JDBC batches on H2.
 */
public interface RowSink {

    /**
     * Inserts {@code rows} into {@code columns} of {@code table}; each row holds {@code String},
     * {@code Long}, {@code Double}, {@code java.sql.Date}, {@code Boolean} or {@code null} values.
     */
    void insert(String table, List<String> columns, List<Object[]> rows);

    /**
     * Refreshes the planner's statistics of {@code table} after a bulk load: without them the next
     * step's joins and sorts are planned for the empty table it was when the load began.
     */
    void analyze(String table);
}
