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

    /** A separator and a value that is not text: a sign and 19 digits, or a double's or a date's toString. */
    private static final int MAX_PLAIN_VALUE = 40;

    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER];
    private int length;

    CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** One row: NULL is an unquoted empty field, text is quoted with doubled quotes. */
    void row(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ensure(MAX_PLAIN_VALUE);
            if (i > 0) {
                buffer[length++] = ',';
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
        ensure(1);
        buffer[length++] = '\n';
    }

    /** Hands the rest of the buffer to COPY. */
    void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void text(String text) throws SQLException {
        // At most three bytes per char, doubled when every one is a quote, and the two quotes around.
        ensure(6 * text.length() + 2);
        buffer[length++] = '"';
        for (int c = 0; c < text.length(); c++) {
            char ch = text.charAt(c);
            if (ch >= 0x80) {
                // Rare in ad data: encode the rest of the value at once, surrogate pairs included.
                byte[] rest = text.substring(c).replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
                System.arraycopy(rest, 0, buffer, length, rest.length);
                length += rest.length;
                break;
            }
            if (ch == '"') {
                buffer[length++] = '"';
            }
            buffer[length++] = (byte) ch;
        }
        buffer[length++] = '"';
    }

    /** The decimal digits of {@code value}, written from the last one back: no String, no garbage. */
    private void integer(long value) throws SQLException {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int at = end - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private void ascii(String text) throws SQLException {
        ensure(text.length());
        for (int c = 0; c < text.length(); c++) {
            buffer[length++] = (byte) text.charAt(c);
        }
    }

    /** Room for {@code bytes} more, handing the buffer to COPY first when it has not. */
    private void ensure(int bytes) throws SQLException {
        if (length + bytes > buffer.length) {
            flush();
        }
    }
}
