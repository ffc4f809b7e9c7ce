package io.adlift.pipeline.datamodels;

import static io.adlift.pipeline.datamodels.GeneratedFiles.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adlift.pipeline.Adlift;
import io.adlift.pipeline.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * influencer-roas on 100,000 generated tracking rows, its KPIs checked against sums this test makes from
 * the generated files itself; and referential rejects when a post names an unknown influencer.
 */
class InfluencerRoasOnPostgresIT {

    @TempDir
    static Path dir;

    private static Adlift.Result run;
    private static Path input;

    @BeforeAll
    static void generateAndRun() {
        TestDatabase.reset();
        input = dir.resolve("in");
        Adlift.Result generated = Adlift.onPostgres(dir).run("generate", "influencer-roas", "--rows", "100000", "--seed", "11",
                "--out", input.toString());
        assertThat(generated.exitCode()).as(generated.all()).isZero();
        run = Adlift.onPostgres(dir).run("run", "influencer-roas", "--input", input.toString(), "--business-date",
                "2026-03-01");
    }

    private static long executionId() {
        return TestDatabase.count("SELECT MIN(e.job_execution_id) FROM batch_job_execution e JOIN batch_job_execution_params p "
                + "ON p.job_execution_id = e.job_execution_id WHERE p.parameter_name = 'businessDate' "
                + "AND p.parameter_value = '2026-03-01'");
    }

    @Test
    void shouldIngestEveryRowOfTheFourFilesAndComplete() throws Exception {
        assertThat(run.exitCode()).as(run.all()).isZero();
        for (String source : List.of("influencers", "posts", "tracking_data", "payouts")) {
            long rows = GeneratedFiles.read(input, source).size();
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM cln_influencer_roas_" + source + " c JOIN batch_job_execution e "
                    + "ON e.job_instance_id = c.job_instance_id WHERE e.job_execution_id = ?", executionId())).as(source)
                    .isEqualTo(rows);
        }
        assertThat(GeneratedFiles.read(input, "tracking_data")).hasSize(100_000);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM ingest_reject r JOIN batch_job_execution e "
                + "ON e.job_instance_id = r.job_instance_id WHERE e.job_execution_id = ?", executionId())).isZero();
    }

    @Test
    void shouldGiveEachInfluencerRevenuePayoutRoasAndThePoorRoiAlert() throws Exception {
        Map<String, double[]> expected = new HashMap<>();
        for (Map<String, String> t : GeneratedFiles.read(input, "tracking_data")) {
            expected.computeIfAbsent(t.get("influencer_id"), k -> new double[3])[0] += number(t, "revenue");
        }
        for (Map<String, String> p : GeneratedFiles.read(input, "payouts")) {
            expected.computeIfAbsent(p.get("influencer_id"), k -> new double[3])[1] += number(p, "total_payout");
        }
        List<Map<String, Object>> rows = TestDatabase.rows("SELECT * FROM kpi_influencer WHERE pipeline = 'influencer-roas' AND business_date = DATE '2026-03-01'");
        assertThat(rows).hasSize(GeneratedFiles.read(input, "influencers").size());
        long poor = 0;
        for (Map<String, Object> row : rows) {
            double[] e = expected.getOrDefault((String) row.get("influencer_id"), new double[3]);
            assertThat(number(row, "revenue")).isCloseTo(e[0], within(1e-6));
            assertThat(number(row, "payout")).isCloseTo(e[1], within(1e-6));
            if (e[1] > 0) {
                assertThat(number(row, "roas")).isCloseTo(e[0] / e[1], within(1e-9));
                assertThat(row.get("poor_roi")).isEqualTo(e[0] / e[1] < 1);
                poor += e[0] / e[1] < 1 ? 1 : 0;
            }
        }
        assertThat(poor).as("the generator makes some influencers unprofitable").isPositive();
        Map<String, Object> summary = TestDatabase.rows("SELECT * FROM kpi_influencer_summary WHERE business_date = DATE '2026-03-01'").get(0);
        assertThat(((Number) summary.get("poor_roi_influencers")).longValue()).isEqualTo(poor);
    }

    @Test
    void shouldGivePersonaRoasAndEngagementByPlatform() throws Exception {
        Map<String, String[]> persona = new HashMap<>();
        for (Map<String, String> i : GeneratedFiles.read(input, "influencers")) {
            persona.put(i.get("influencer_id"), new String[] {i.get("category"), i.get("gender")});
        }
        Map<String, double[]> byPersona = new HashMap<>();
        for (Map<String, String> t : GeneratedFiles.read(input, "tracking_data")) {
            String[] p = persona.get(t.get("influencer_id"));
            byPersona.computeIfAbsent(p[0] + "/" + p[1], k -> new double[2])[0] += number(t, "revenue");
        }
        for (Map<String, String> y : GeneratedFiles.read(input, "payouts")) {
            String[] p = persona.get(y.get("influencer_id"));
            byPersona.computeIfAbsent(p[0] + "/" + p[1], k -> new double[2])[1] += number(y, "total_payout");
        }
        List<Map<String, Object>> personas = TestDatabase.rows("SELECT * FROM kpi_persona WHERE business_date = DATE '2026-03-01'");
        assertThat(personas).isNotEmpty();
        for (Map<String, Object> row : personas) {
            double[] e = byPersona.get(row.get("category") + "/" + row.get("gender"));
            assertThat(number(row, "roas")).isCloseTo(e[0] / e[1], within(1e-9));
        }
        Map<String, double[]> engagement = new HashMap<>();
        for (Map<String, String> p : GeneratedFiles.read(input, "posts")) {
            double[] e = engagement.computeIfAbsent(p.get("platform"), k -> new double[2]);
            e[0] += number(p, "likes") + number(p, "comments");
            e[1] += number(p, "reach");
        }
        List<Map<String, Object>> platforms = TestDatabase.rows("SELECT * FROM kpi_platform_engagement WHERE business_date = DATE '2026-03-01'");
        assertThat(platforms).hasSize(engagement.size());
        for (Map<String, Object> row : platforms) {
            double[] e = engagement.get((String) row.get("platform"));
            assertThat(number(row, "engagement_rate")).isCloseTo(e[0] / e[1], within(1e-12));
        }
    }

    @Test
    void shouldMeasureIncrementalRevenueAgainstTheControlGroupPerUser() throws Exception {
        Map<String, Double> exposed = new HashMap<>();
        Map<String, Double> control = new HashMap<>();
        for (Map<String, String> t : GeneratedFiles.read(input, "tracking_data")) {
            (t.get("group").equals("1") ? exposed : control).merge(t.get("user_id"), number(t, "revenue"), Double::sum);
        }
        double payout = GeneratedFiles.read(input, "payouts").stream().mapToDouble(p -> number(p, "total_payout")).sum();
        double e = exposed.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double c = control.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();

        Map<String, Object> summary = TestDatabase.rows("SELECT * FROM kpi_influencer_summary WHERE business_date = DATE '2026-03-01'").get(0);
        assertThat(((Number) summary.get("exposed_users")).longValue()).isEqualTo(exposed.size());
        assertThat(((Number) summary.get("control_users")).longValue()).isEqualTo(control.size());
        assertThat(number(summary, "exposed_revenue_per_user")).isCloseTo(e, within(1e-9));
        assertThat(number(summary, "control_revenue_per_user")).isCloseTo(c, within(1e-9));
        assertThat(number(summary, "lift")).isCloseTo(e / c - 1, within(1e-9));
        assertThat(number(summary, "incremental_revenue")).isCloseTo((e - c) * exposed.size(), within(1e-3));
        assertThat(number(summary, "iroas")).isCloseTo((e - c) * exposed.size() / payout, within(1e-9));
        assertThat(number(summary, "lift_ci_low")).isLessThan(number(summary, "lift"));
        assertThat(number(summary, "lift_ci_high")).isGreaterThan(number(summary, "lift"));
    }

    @Test
    void shouldRejectAPostOfAnUnknownInfluencerWithItsLineAndReason() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        for (String source : List.of("influencers", "posts", "tracking_data", "payouts")) {
            Files.copy(input.resolve(source + ".csv"), bad.resolve(source + ".csv"));
        }
        List<String> posts = Files.readAllLines(bad.resolve("posts.csv"));
        String[] first = posts.get(1).split(",", -1);
        first[0] = "P-ORPHAN";
        first[1] = "INF-NOBODY";
        Files.writeString(bad.resolve("posts.csv"), String.join(",", first) + "\n", java.nio.file.StandardOpenOption.APPEND);

        Adlift.Result result = Adlift.onPostgres(dir).run("run", "influencer-roas", "--input", bad.toString(),
                "--business-date", "2026-03-02");

        assertThat(result.exitCode()).as(result.all()).isZero();
        List<Map<String, Object>> rejects = TestDatabase.rows("SELECT * FROM ingest_reject WHERE source = 'posts'");
        assertThat(rejects).hasSize(1);
        assertThat(((Number) rejects.get(0).get("line")).longValue()).isEqualTo(posts.size() + 1);
        assertThat(rejects.get(0).get("column_name")).isEqualTo("influencer_id");
        assertThat((String) rejects.get(0).get("reason"))
                .isEqualTo("influencer_id 'INF-NOBODY' has no row in source 'influencers' (unknown, or rejected there)");
    }
}
