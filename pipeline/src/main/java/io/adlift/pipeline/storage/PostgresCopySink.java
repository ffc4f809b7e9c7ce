package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows streamed with PostgreSQL's COPY … FROM STDIN (CSV), on the connection of the current
 * transaction, so they commit or roll back with the chunk. Several times faster than INSERT batches.
 */
final class PostgresCopySink implements RowSink {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    PostgresCopySink(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
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
                CopyStream out = new CopyStream(copy);
                for (Object[] row : rows) {
                    out.row(row);
                }
                out.flush();
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

    @Override
    public void analyze(String table) {
        jdbc.execute("ANALYZE " + table);
    }
}
