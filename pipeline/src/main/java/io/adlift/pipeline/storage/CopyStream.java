package io.adlift.pipeline.storage;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Rows encoded as PostgreSQL's CSV straight into a 64 KB buffer that is handed to COPY whenever it
 * fills: a chunk's rows never exist as one big string, and integers are written digit by digit, so
 * encoding makes almost no garbage however many rows go through.
 */
final class CopyStream {

    static final int BUFFER = 64 * 1024;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] digits = new byte[20];
    private int length;

    CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** One row: NULL is an unquoted empty field, text is quoted with doubled quotes. */
    void row(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            Object value = row[i];
            if (value == null) {
                continue;
            }
            if (value instanceof String text) {
                text(text);
            } else if (value instanceof Long number) {
                integer(number);
            } else if (value instanceof Integer number) {
                integer(number);
            } else {
                ascii(value.toString()); // doubles, dates, timestamps, booleans: ASCII in their toString
            }
        }
        put((byte) '\n');
    }

    /** Hands the rest of the buffer to COPY. */
    void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void text(String text) throws SQLException {
        put((byte) '"');
        for (int c = 0; c < text.length(); c++) {
            char ch = text.charAt(c);
            if (ch < 0x80) {
                if (ch == '"') {
                    put((byte) '"');
                }
                put((byte) ch);
            } else {
                // Rare in ad data: encode the rest of the value at once, surrogate pairs included.
                byte[] rest = text.substring(c).replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
                for (byte b : rest) {
                    put(b);
                }
                break;
            }
        }
        put((byte) '"');
    }

    private void integer(long value) throws SQLException {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0) {
            put(digits[--n]);
        }
    }

    private void ascii(String text) throws SQLException {
        for (int c = 0; c < text.length(); c++) {
            put((byte) text.charAt(c));
        }
    }

    private void put(byte b) throws SQLException {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
    }
}
