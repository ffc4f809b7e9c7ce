package io.adlift.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ColumnarRowsTest {

    private static final List<String> NAMES = List.of("id", "spend", "campaign", "seen_at", "ratio");

    /** A private in-memory database per test. */
    private Connection db;
    private Statement sql;

    @BeforeEach
    void open() throws Exception {
        db = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL");
        sql = db.createStatement();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void shouldHandBackEachValueAsTheDriverWould() throws Exception {
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
        List<Function<String, Object>> rows = columnar(sql, select, NAMES);
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

    @Test
    void shouldGrowPastItsFirstBlockAndWidenIntegersThatNeedIt() throws Exception {
        sql.execute("CREATE TABLE t AS SELECT X AS id, CASE WHEN X = 69000 THEN 5000000000 ELSE X END AS big, "
                + "CAST(X AS DOUBLE PRECISION) / 2 AS spend, CAST(MOD(X, 7) AS VARCHAR(5)) AS campaign "
                + "FROM SYSTEM_RANGE(1, 70000)");
        List<Function<String, Object>> rows = columnar(sql, "SELECT id, big, spend, campaign FROM t ORDER BY id",
                List.of("id", "big", "spend", "campaign"));
        assertThat(rows).hasSize(70000);
        assertThat(rows.get(69999).apply("id")).isEqualTo(70000L);
        assertThat(rows.get(69999).apply("spend")).isEqualTo(35000.0);
        assertThat(rows.get(69999).apply("campaign")).isEqualTo("0");
        assertThat(rows.get(0).apply("big")).isEqualTo(1L);
        assertThat(rows.get(68998).apply("big")).isEqualTo(68999L);
        assertThat(rows.get(68999).apply("big")).isEqualTo(5_000_000_000L);
        assertThat(rows.get(69999).apply("big")).isEqualTo(70000L);
    }

    private static List<Function<String, Object>> columnar(Statement sql, String select, List<String> names)
            throws Exception {
        try (ResultSet rs = sql.executeQuery(select)) {
            return ColumnarRows.read(rs, names);
        }
    }
}
