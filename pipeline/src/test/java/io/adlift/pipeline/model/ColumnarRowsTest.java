package io.adlift.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ColumnarRowsTest {

    private static final List<String> NAMES = List.of("id", "spend", "campaign", "seen_at", "ratio");

    @Test
    void shouldHandBackEachValueAsTheDriverWould() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:columnar;MODE=PostgreSQL");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE t (line INT, id BIGINT, spend DOUBLE PRECISION, campaign VARCHAR(20), "
                    + "seen_at TIMESTAMP, ratio DECIMAL(10, 3))");
            sql.execute("INSERT INTO t VALUES (1, 10, 1.5, 'a', TIMESTAMP '2024-03-01 09:30:00', 0.125), "
                    + "(2, NULL, NULL, NULL, NULL, NULL), (3, -3, 0.0, 'b', TIMESTAMP '2024-03-02 00:00:00', 2), "
                    + "(4, 12, 2.25, 'a', NULL, 1)");
            String select = "SELECT id, spend, campaign, seen_at, ratio FROM t ORDER BY line";
            List<Object[]> expected = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery(select)) {
                while (rs.next()) {
                    Object[] row = new Object[NAMES.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    expected.add(row);
                }
            }
            List<Function<String, Object>> rows;
            try (ResultSet rs = sql.executeQuery(select)) {
                rows = ColumnarRows.read(rs, NAMES);
            }
            assertThat(rows).hasSize(4);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < NAMES.size(); c++) {
                    assertThat(rows.get(r).apply(NAMES.get(c))).as("row %d, %s", r, NAMES.get(c))
                            .isEqualTo(expected.get(r)[c]);
                }
                assertThat(rows.get(r).apply("no_such_column")).isNull();
            }
            assertThat(rows.get(0).apply("campaign")).isSameAs(rows.get(3).apply("campaign"));
        }
    }

    @Test
    void shouldGrowPastItsFirstArrays() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:columnar_big");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE t AS SELECT X AS id, CAST(X AS DOUBLE PRECISION) / 2 AS spend, "
                    + "CAST(MOD(X, 7) AS VARCHAR(5)) AS campaign FROM SYSTEM_RANGE(1, 5000)");
            List<Function<String, Object>> rows;
            try (ResultSet rs = sql.executeQuery("SELECT id, spend, campaign FROM t ORDER BY id")) {
                rows = ColumnarRows.read(rs, List.of("id", "spend", "campaign"));
            }
            assertThat(rows).hasSize(5000);
            assertThat(rows.get(4999).apply("id")).isEqualTo(5000L);
            assertThat(rows.get(4999).apply("spend")).isEqualTo(2500.0);
            assertThat(rows.get(4999).apply("campaign")).isEqualTo("2");
        }
    }
}
