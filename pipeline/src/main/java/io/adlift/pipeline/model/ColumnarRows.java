package io.adlift.pipeline.model;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A model dataset's rows held column by column in primitive arrays: integers and decimals as
 * {@code long[]}/{@code double[]}, text as dictionary codes, so millions of rows cost a few bytes per
 * value instead of an object per value and per row. It still reads as the list of by-name lookups
 * features and the model take; a lookup hands back the value exactly as the JDBC driver would have
 * ({@code Long}, {@code Double}, {@code String}, or the driver's own object for other types).
 */
final class ColumnarRows extends AbstractList<Function<String, Object>> implements RandomAccess {

    private final Map<String, Integer> index;
    private final Column[] columns;
    private int size;

    private ColumnarRows(List<String> names, Column[] columns) {
        this.index = new HashMap<>(names.size() * 2);
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        this.columns = columns;
    }

    /** Reads every row of {@code rs}, whose columns are {@code names} in that order. */
    static ColumnarRows read(ResultSet rs, List<String> names) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Column[] columns = new Column[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = switch (meta.getColumnType(c + 1)) {
                case Types.BIGINT -> new LongColumn();
                case Types.DOUBLE, Types.FLOAT -> new DoubleColumn();
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> new TextColumn();
                default -> new ObjectColumn();
            };
        }
        ColumnarRows rows = new ColumnarRows(names, columns);
        while (rs.next()) {
            for (int c = 0; c < columns.length; c++) {
                columns[c].add(rs, c + 1, rows.size);
            }
            rows.size++;
        }
        for (Column column : columns) {
            column.trim(rows.size);
        }
        return rows;
    }

    @Override
    public Function<String, Object> get(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return name -> {
            Integer c = index.get(name);
            return c == null ? null : columns[c].get(row);
        };
    }

    @Override
    public int size() {
        return size;
    }

    /** One column's values; rows are appended in order, then the arrays are trimmed to size. */
    private interface Column {

        void add(ResultSet rs, int column, int row) throws SQLException;

        Object get(int row);

        void trim(int size);
    }

    /** The next capacity of an array that is full: half as large again, as ArrayList grows. */
    private static int grown(int capacity) {
        return Math.max(1024, capacity + (capacity >> 1));
    }

    private static final class LongColumn implements Column {

        private long[] values = new long[0];
        private final BitSet nulls = new BitSet();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[row] = rs.getLong(column);
            if (rs.wasNull()) {
                nulls.set(row);
            }
        }

        @Override
        public Object get(int row) {
            return nulls.get(row) ? null : values[row];
        }

        @Override
        public void trim(int size) {
            values = Arrays.copyOf(values, size);
        }
    }

    private static final class DoubleColumn implements Column {

        private double[] values = new double[0];
        private final BitSet nulls = new BitSet();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[row] = rs.getDouble(column);
            if (rs.wasNull()) {
                nulls.set(row);
            }
        }

        @Override
        public Object get(int row) {
            return nulls.get(row) ? null : values[row];
        }

        @Override
        public void trim(int size) {
            values = Arrays.copyOf(values, size);
        }
    }

    /** Text as codes into a dictionary of the distinct values: categories repeat over millions of rows. */
    private static final class TextColumn implements Column {

        private int[] codes = new int[0];
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row == codes.length) {
                codes = Arrays.copyOf(codes, grown(codes.length));
            }
            String text = rs.getString(column);
            if (text == null) {
                codes[row] = -1;
                return;
            }
            Integer code = dictionary.get(text);
            if (code == null) {
                code = texts.size();
                dictionary.put(text, code);
                texts.add(text);
            }
            codes[row] = code;
        }

        @Override
        public Object get(int row) {
            return codes[row] < 0 ? null : texts.get(codes[row]);
        }

        @Override
        public void trim(int size) {
            codes = Arrays.copyOf(codes, size);
            dictionary.clear(); // only needed while reading
        }
    }

    /** Any other type (dates, timestamps, exact decimals), kept as the driver's objects. */
    private static final class ObjectColumn implements Column {

        private Object[] values = new Object[0];

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[row] = rs.getObject(column);
        }

        @Override
        public Object get(int row) {
            return values[row];
        }

        @Override
        public void trim(int size) {
            values = Arrays.copyOf(values, size);
        }
    }
}
