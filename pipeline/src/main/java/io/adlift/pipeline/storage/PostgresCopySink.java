package io.adlift.pipeline.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows streamed with PostgreSQL's COPY … FROM STDIN (CSV), on the connection of the current
 * transaction, so they commit or roll back with the chunk. Several times faster than INSERT batches.
 */
final class PostgresCopySink implements RowSink {

    private final DataSource dataSource;

    PostgresCopySink(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " ("
                    + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder csv = new StringBuilder(256 * rows.size());
                for (Object[] row : rows) {
                    CsvEncoding.appendRow(csv, row);
                }
                byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** PostgreSQL's CSV: NULL is an unquoted empty field, text is quoted with doubled quotes. */
    static final class CsvEncoding {

        private CsvEncoding() {
        }

        static void appendRow(StringBuilder csv, Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object value = row[i];
                if (value == null) {
                    continue;
                }
                if (value instanceof String text) {
                    csv.append('"');
                    for (int c = 0; c < text.length(); c++) {
                        char ch = text.charAt(c);
                        if (ch == '"') {
                            csv.append('"');
                        }
                        csv.append(ch);
                    }
                    csv.append('"');
                } else {
                    csv.append(value);
                }
            }
            csv.append('\n');
        }
    }
}
