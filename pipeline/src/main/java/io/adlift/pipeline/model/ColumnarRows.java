package io.adlift.pipeline.model;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A model dataset's rows held column by column in primitive arrays: integers as ints (longs when
 * one does not fit), decimals as doubles, text as dictionary codes, so millions of rows cost a few bytes per
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
                case Types.BIGINT -> new IntegerColumn();
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

    /** One column's values; rows are appended in order. */
    private interface Column {

        void add(ResultSet rs, int column, int row) throws SQLException;

        Object get(int row);
    }

    /**
     * Values live in blocks of {@value #BLOCK} rows: a column grows by adding a block, never by copying
     * what it holds, so loading millions of rows needs no transient second copy of the column.
     */
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int IN_BLOCK = BLOCK - 1;

    /** Integers, as ints while every value fits one (counts and ids mostly do), as longs from the first that does not. */
    private static final class IntegerColumn implements Column {

        private final List<int[]> ints = new ArrayList<>();
        private List<long[]> longs;
        private final BitSet nulls = new BitSet();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            long value = rs.getLong(column);
            if (rs.wasNull()) {
                nulls.set(row);
            }
            if (longs == null && value == (int) value) {
                if (row >>> BLOCK_BITS == ints.size()) {
                    ints.add(new int[BLOCK]);
                }
                ints.get(row >>> BLOCK_BITS)[row & IN_BLOCK] = (int) value;
                return;
            }
            if (longs == null) {
                longs = new ArrayList<>(ints.size());
                for (int[] block : ints) {
                    long[] wide = new long[BLOCK];
                    for (int i = 0; i < BLOCK; i++) {
                        wide[i] = block[i];
                    }
                    longs.add(wide);
                }
                ints.clear();
            }
            if (row >>> BLOCK_BITS == longs.size()) {
                longs.add(new long[BLOCK]);
            }
            longs.get(row >>> BLOCK_BITS)[row & IN_BLOCK] = value;
        }

        @Override
        public Object get(int row) {
            if (nulls.get(row)) {
                return null;
            }
            return longs == null ? (long) ints.get(row >>> BLOCK_BITS)[row & IN_BLOCK]
                    : longs.get(row >>> BLOCK_BITS)[row & IN_BLOCK];
        }
    }

    private static final class DoubleColumn implements Column {

        private final List<double[]> blocks = new ArrayList<>();
        private final BitSet nulls = new BitSet();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row >>> BLOCK_BITS == blocks.size()) {
                blocks.add(new double[BLOCK]);
            }
            blocks.get(row >>> BLOCK_BITS)[row & IN_BLOCK] = rs.getDouble(column);
            if (rs.wasNull()) {
                nulls.set(row);
            }
        }

        @Override
        public Object get(int row) {
            return nulls.get(row) ? null : blocks.get(row >>> BLOCK_BITS)[row & IN_BLOCK];
        }
    }

    /** Text as codes into a dictionary of the distinct values: categories repeat over millions of rows. */
    private static final class TextColumn implements Column {

        private final List<int[]> codes = new ArrayList<>();
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            if (row >>> BLOCK_BITS == codes.size()) {
                codes.add(new int[BLOCK]);
            }
            String text = rs.getString(column);
            int code = -1;
            if (text != null) {
                code = dictionary.computeIfAbsent(text, t -> {
                    texts.add(t);
                    return texts.size() - 1;
                });
            }
            codes.get(row >>> BLOCK_BITS)[row & IN_BLOCK] = code;
        }

        @Override
        public Object get(int row) {
            int code = codes.get(row >>> BLOCK_BITS)[row & IN_BLOCK];
            return code < 0 ? null : texts.get(code);
        }
    }

    /** Any other type (dates, timestamps, exact decimals), kept as the driver's objects. */
    private static final class ObjectColumn implements Column {

        private final List<Object> values = new ArrayList<>();

        @Override
        public void add(ResultSet rs, int column, int row) throws SQLException {
            values.add(rs.getObject(column));
        }

        @Override
        public Object get(int row) {
            return values.get(row);
        }
    }
}
