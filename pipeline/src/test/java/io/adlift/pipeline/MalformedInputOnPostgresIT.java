package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on a real PostgreSQL: every record ends up staged or in the reject table with its file,
 * line, column and reason; a file that cannot be read at all fails with a message that says why.
 */
class MalformedInputOnPostgresIT {

    private static final String HEADER = "ad_id,xyz_campaign_id,fb_campaign_id,age,gender,interest,Impressions,Clicks,"
            + "Spent,Total_Conversion,Approved_Conversion";

    @TempDir
    static Path dir;

    @BeforeAll
    static void resetDatabase() {
        TestDatabase.reset();
    }

    /** Forty good rows in CRLF, then one bad row of each kind. */
    private static Path malformedFile() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < 40; i++) {
            lines.add((1000 + i) + ",916," + (103000 + i) + ",30-34," + (i % 2 == 0 ? "M" : "F") + ",15," + (5000 + i)
                    + "," + (i % 4) + "," + (i % 4) * 1.5 + "," + (1 + i % 3) + "," + (i % 2));
        }
        lines.add("2001,916,103916,30-34,M,15,7350,12x,1.43,2,1");        // line 42: non-numeric count
        lines.add("2002,916,103916,30-34,M,15,7350,1,-5.5,2,1");          // line 43: negative spend
        lines.add("1000,916,103916,30-34,M,15,7350,1,1.0,2,1");           // line 44: duplicate ad_id of line 2
        lines.add("2004,916,103916,30-34,M,15,7350,,1.0,2,1");            // line 45: missing clicks
        lines.add("2005,916,103916,30-34,M\u0000,15,7350,1,1.0,2,1");     // line 46: a byte that is not UTF-8
        lines.add("2006,916,103916," + "x".repeat(1001) + ",M,15,7350,1,1.0,2,1"); // line 47: text too long
        Path file = dir.resolve("malformed.csv");
        byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = (byte) 0x96; // an en dash in Windows-1252
            }
        }
        Files.write(file, bytes);
        return file;
    }

    @Test
    void shouldRejectEachBadRecordWithItsLineColumnAndReasonAndLoseNothing() throws IOException {
        Path file = malformedFile();

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + lenientDefinition())
                .run("run", "ad-conversions", "--input", file.toString(), "--business-date", "2026-02-01");

        assertThat(result.exitCode()).as(result.all()).isIn(0, 5);
        assertThat(result.out()).contains("46 rows read, 43 staged, 3 rejected at ingest, 3 rejected by cleaning, 40 clean");
        List<Map<String, Object>> rejects = TestDatabase.rows(
                "SELECT step, file, line, column_name, reason FROM ingest_reject WHERE file = ? ORDER BY line", file.toString());
        assertThat(rejects).extracting(r -> r.get("line")).containsExactly(42L, 43L, 44L, 45L, 46L, 47L);
        assertThat(rejects).allSatisfy(r -> assertThat(r.get("file")).isEqualTo(file.toString()));
        assertThat(rejects.get(0)).containsEntry("step", "ingest").containsEntry("column_name", "Clicks")
                .containsEntry("reason", "not an integer: '12x'");
        assertThat(rejects.get(1)).containsEntry("step", "clean").containsEntry("column_name", "Spent");
        assertThat((String) rejects.get(1).get("reason")).contains("-5.5 is below the minimum 0");
        assertThat(rejects.get(2)).containsEntry("column_name", "ad_id");
        assertThat((String) rejects.get(2).get("reason")).isEqualTo("duplicate ad_id: first seen on line 2");
        assertThat(rejects.get(3)).containsEntry("column_name", "Clicks")
                .containsEntry("reason", "missing value: Clicks is required");
        assertThat(rejects.get(4)).containsEntry("step", "ingest").containsEntry("column_name", "gender");
        assertThat((String) rejects.get(4).get("reason")).contains("not valid UTF-8");
        assertThat(rejects.get(5)).containsEntry("column_name", "age");
        assertThat((String) rejects.get(5).get("reason")).contains("1001 characters");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stg_ad_conversions_ads WHERE source_file = ?", file.toString()))
                .isEqualTo(43);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM cln_ad_conversions_ads WHERE source_file = ?", file.toString()))
                .isEqualTo(40);
    }

    @Test
    void shouldRejectValuesPostgresqlOrTheKpiColumnsCannotHoldAndSumTheRestExactly() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        long impressions = 0;
        for (int i = 0; i < 40; i++) {
            lines.add((1000 + i) + ",916," + (103000 + i) + ",30-34,M,15," + (9_000_000 + i) + ",1,1.5,1,0");
            impressions += 9_000_000 + i;
        }
        lines.add("2001,916,1,30-34,M\u0000F,15,100,1,1.5,1,0");               // line 42: a NUL byte in a text field
        lines.add("2002,916,1,30-34,M,15,100,1,1e30,1,0");                      // line 43: spend beyond DECIMAL(38, 12)
        lines.add("2003,916,1,30-34,M,15,5000000000000000000,1,1.5,1,0");       // line 44: these two would sum beyond
        lines.add("2004,916,1,30-34,M,15,5000000000000000000,1,1.5,1,0");       // line 45: BIGINT
        lines.add("2005,916,1,30-34,M,15,100,1,0x1p3,1,0");                     // line 46: a Java-only literal
        lines.add("2006,916,1,30-34,M,15,100,1,1.5,1,0\u0000");                // line 47: a NUL byte at the end of the line
        Path file = dir.resolve("poison.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Path pipelines = Files.createDirectories(dir.resolve("poison-kpi-only"));
        Files.writeString(pipelines.resolve("ad-conversions.yml"), Files.readString(lenientDefinition().resolve(
                "ad-conversions.yml")).replace("kind: regression", "kind: kpi-only"));

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines)
                .run("run", "ad-conversions", "--input", file.toString(), "--business-date", "2026-02-06");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("46 rows read, 40 staged, 6 rejected at ingest");
        List<Map<String, Object>> rejects = TestDatabase.rows(
                "SELECT line, column_name, reason, raw_record FROM ingest_reject WHERE file = ? ORDER BY line", file.toString());
        assertThat(rejects).extracting(r -> r.get("line")).containsExactly(42L, 43L, 44L, 45L, 46L, 47L);
        assertThat(rejects).extracting(r -> r.get("column_name"))
                .containsExactly("gender", "Spent", "Impressions", "Impressions", "Spent", "Approved_Conversion");
        assertThat((String) rejects.get(0).get("reason")).startsWith("contains a NUL byte (0x00)");
        assertThat((String) rejects.get(0).get("raw_record")).contains("M\\0F");
        assertThat((String) rejects.get(1).get("reason")).startsWith("number 1e30 is beyond the largest magnitude");
        assertThat((String) rejects.get(2).get("reason")).startsWith("integer 5000000000000000000 is beyond");
        assertThat((String) rejects.get(4).get("reason")).isEqualTo("not a number: '0x1p3'");
        assertThat(TestDatabase.count("SELECT impressions FROM kpi_campaign WHERE business_date = DATE '2026-02-06' "
                + "AND campaign_id = '916'")).isEqualTo(impressions);
        assertThat(TestDatabase.rows("SELECT spend FROM kpi_campaign WHERE business_date = DATE '2026-02-06'"))
                .singleElement().satisfies(r -> assertThat(((Number) r.get("spend")).doubleValue()).isEqualTo(60.0));
    }

    @Test
    void shouldRefuseADeviceOrAPipeAsInputWithUsageErrorInsteadOfReadingIt() throws Exception {
        Path fifo = dir.resolve("ads.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        for (String input : List.of("/dev/null", fifo.toString())) {
            Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                    .run("run", "ad-conversions", "--input", input, "--business-date", "2026-02-07");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
            assertThat(result.err()).contains("--input ads: " + input + " is not a regular file");
        }
    }

    @Test
    void shouldFailNamingTheLineWhereAQuoteIsNeverClosedAndKeepTheReject() throws IOException {
        Path file = dir.resolve("truncated.csv");
        Files.writeString(file, HEADER + "\n1,916,1,30-34,M,15,10,1,1.0,1,0\n2,916,\"1,30-34,M,15,10,1,1.0,1,0\n"
                + "3,916,1,30-34,M,15,10,1,1.0,1,0\n");

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                .run("run", "ad-conversions", "--input", file.toString(), "--business-date", "2026-02-04");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains(file + ", line 3: cannot be split into fields").contains("never closed")
                .contains("the rest of the file is not in the data");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM ingest_reject WHERE file = ? AND line = 3", file.toString()))
                .isEqualTo(1);
    }

    @Test
    void shouldFailAFileWithoutDataRowsAndLeaveTheDatesKpiRowsAlone() throws IOException {
        Path good = dir.resolve("one-row.csv");
        Files.writeString(good, HEADER + "\n1,916,1,30-34,M,15,10,1,1.0,1,0\n");
        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, HEADER + "\n");
        Path pipelines = Files.createDirectories(dir.resolve("kpi-only"));
        Files.writeString(pipelines.resolve("ad-conversions.yml"), Files.readString(
                Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml")).replace("kind: regression", "kind: kpi-only"));
        Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines)
                .run("run", "ad-conversions", "--input", good.toString(), "--business-date", "2026-02-05");
        long kpiRows = TestDatabase.count("SELECT COUNT(*) FROM kpi_campaign WHERE business_date = DATE '2026-02-05'");

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines)
                .run("run", "ad-conversions", "--input", headerOnly.toString(), "--business-date", "2026-02-05");

        assertThat(kpiRows).isEqualTo(1);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains(headerOnly + " has a header but no data rows");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM kpi_campaign WHERE business_date = DATE '2026-02-05'"))
                .isEqualTo(kpiRows);
        Adlift.Result status = Adlift.onPostgres(dir.resolve("data")).run("status");
        assertThat(status.out()).as("the reason is kept for later").contains("has a header but no data rows");

        Path other = dir.resolve("other-row.csv");
        Files.writeString(other, HEADER + "\n7,936,1,30-34,M,15,10,1,1.0,1,0\n");
        Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines)
                .run("run", "ad-conversions", "--input", other.toString(), "--business-date", "2026-02-05");
        Adlift.Result again = Adlift.onPostgres(dir.resolve("data")).with("--adlift.pipelines-dir=" + pipelines)
                .run("run", "ad-conversions", "--input", good.toString(), "--business-date", "2026-02-05");
        assertThat(again.out()).contains("Already completed").contains("have since been written by another run");
    }

    @Test
    void shouldFailNamingTheMissingColumnWhenTheHeaderLacksOne() throws IOException {
        Path file = dir.resolve("no-spent.csv");
        Files.writeString(file, HEADER.replace(",Spent", "") + "\n1,916,1,30-34,M,15,10,1,1,0\n");

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                .run("run", "ad-conversions", "--input", file.toString(), "--business-date", "2026-02-02");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains(file + ", line 1: missing column Spent");
        assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldFailTheIngestStepWhenRejectsExceedTheConfiguredRatio() throws IOException {
        Path file = dir.resolve("mostly-bad.csv");
        Files.writeString(file, HEADER + "\n1,916,1,30-34,M,15,10,1,1.0,1,0\n2,916,1,30-34,M,15,x,1,1.0,1,0\n"
                + "3,916,1,30-34,M,15,y,1,1.0,1,0\n");

        Adlift.Result result = Adlift.onPostgres(dir.resolve("data"))
                .run("run", "ad-conversions", "--input", file.toString(), "--business-date", "2026-02-03");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("2 of 3 records rejected (66.7%), more than max-reject-ratio 5.0%");
    }

    /** The shipped definition with a reject ratio that lets the malformed file through. */
    private static Path lenientDefinition() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("lenient"));
        if (Files.exists(folder.resolve("ad-conversions.yml"))) {
            return folder;
        }
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(folder.resolve("ad-conversions.yml"),
                shipped.replace("max-reject-ratio: 0.05", "max-reject-ratio: 0.5"));
        return folder;
    }
}
