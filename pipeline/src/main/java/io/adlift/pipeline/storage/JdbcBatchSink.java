package io.adlift.pipeline.storage;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows as one JDBC batch of INSERTs: works on every database. */
final class JdbcBatchSink implements RowSink {

    private final JdbcTemplate jdbc;

    JdbcBatchSink(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size() - 1) + ")", rows);
    }

    @Override
    public void analyze(String table) {
        jdbc.execute("ANALYZE TABLE " + table);
    }
}
