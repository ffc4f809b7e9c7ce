package io.adlift.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

class CopyStreamTest {

    private final ByteArrayOutputStream copied = new ByteArrayOutputStream();
    private int writes;

    /** A CopyIn that keeps what it is given; the stream only ever calls writeToCopy(byte[], int, int). */
    private final CopyIn copy = (CopyIn) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CopyIn.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("writeToCopy")) {
                    throw new AssertionError("the stream called CopyIn." + method.getName() + ", which it should never need");
                }
                copied.write((byte[]) args[0], (int) args[1], (int) args[2]);
                writes++;
                return null;
            });

    @Test
    void shouldWritePostgresCsvWithNullsQuotesAndSigns() throws Exception {
        CopyStream out = new CopyStream(copy);
        out.row(new Object[] {0L, -42L, Long.MAX_VALUE, Long.MIN_VALUE, null, 7});
        out.row(new Object[] {"plain", "say \"hi\", ok", "", 1.5, Date.valueOf("2024-03-01"), true});
        out.row(new Object[] {"Zürich \"ü\" 🙂"});
        out.flush();
        assertThat(copied.toString(StandardCharsets.UTF_8)).isEqualTo(
                "0,-42,9223372036854775807,-9223372036854775808,,7\n"
                        + "\"plain\",\"say \"\"hi\"\", ok\",\"\",1.5,2024-03-01,true\n"
                        + "\"Zürich \"\"ü\"\" 🙂\"\n");
    }

    @Test
    void shouldHandTheBufferToCopyEachTimeItFills() throws Exception {
        CopyStream out = new CopyStream(copy);
        StringBuilder expected = new StringBuilder();
        String text = "x".repeat(900);
        for (long i = 0; i < 1000; i++) {
            out.row(new Object[] {i, text});
            expected.append(i).append(",\"").append(text).append("\"\n");
        }
        out.flush();
        assertThat(writes).isGreaterThan(expected.length() / CopyStream.BUFFER);
        assertThat(copied.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
