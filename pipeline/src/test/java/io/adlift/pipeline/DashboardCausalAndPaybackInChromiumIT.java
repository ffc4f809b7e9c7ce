package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's causal figures and payback chart in a real headless Chromium, after real runs on generated
 * data: influencer-roas (its lift, interval and iROAS as {@code kpi_influencer_summary} has them, before the
 * tracked ROAS, which says it is not causal), and session-conversion twice: as generated, where revenue never
 * recovers the spend (the two lines must not cross on screen, the chart says "not paid back"), and with every
 * campaign's spend cut to a twentieth, where it does (the payback day is marked where {@code paid_back} first
 * holds). Screenshots under {@code target/}.
 */
class DashboardCausalAndPaybackInChromiumIT {

    private static final String NOT_PAID = "2026-04-01";
    private static final String PAID = "2026-04-02";

    @TempDir
    static Path dir;

    private static ServeProcess serve;

    @BeforeAll
    static void runThreeDropsAndServe() throws Exception {
        TestDatabase.reset();
        Path influencers = dir.resolve("influencers");
        ServeProcess.adlift(dir, List.of(), "generate", "influencer-roas", "--rows", "20000", "--seed", "11", "--out",
                influencers.toString());
        ServeProcess.adlift(dir, List.of(), "run", "influencer-roas", "--input", influencers.toString(), "--business-date",
                "2026-06-15");
        Path sessions = dir.resolve("sessions");
        ServeProcess.adlift(dir, List.of(), "generate", "session-conversion", "--rows", "40000", "--seed", "11", "--out",
                sessions.toString());
        ServeProcess.adlift(dir, List.of(), "run", "session-conversion", "--input", sessions.toString(), "--business-date",
                NOT_PAID);
        Path cheap = dir.resolve("sessions-cheap");
        Files.createDirectories(cheap);
        try (var files = Files.list(sessions)) {
            for (Path f : files.toList()) {
                Files.copy(f, cheap.resolve(f.getFileName()));
            }
        }
        Files.writeString(cheap.resolve("campaigns.csv"), cutSpend(Files.readAllLines(cheap.resolve("campaigns.csv")), 20));
        ServeProcess.adlift(dir, List.of(), "run", "session-conversion", "--input", cheap.toString(), "--business-date", PAID);
        serve = ServeProcess.start(dir, List.of());
    }

    /** campaigns.csv with its spend column divided by {@code by}. */
    private static String cutSpend(List<String> lines, int by) {
        List<String> header = List.of(lines.get(0).split(","));
        int spend = header.indexOf("spend");
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[spend] = Double.toString(Double.parseDouble(cells[spend]) / by);
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double parsed(Object text) {
        return Double.parseDouble((String) text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowTheInfluencerLiftIntervalAndIroasBeforeTrackedRoas() throws Exception {
        Map<String, Object> summary = TestDatabase.rows("SELECT lift, lift_ci_low, lift_ci_high, iroas, incremental_revenue "
                + "FROM kpi_influencer_summary WHERE pipeline = 'influencer-roas'").get(0);
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium-influencer"))) {
            chromium.openReady(serve.url("/?pipeline=influencer-roas"));
            Map<String, Object> shown = (Map<String, Object>) chromium.evaluate("({"
                    + "visible: !document.getElementById('causal').hidden,"
                    + "lift: document.getElementById('card-lift').dataset.value,"
                    + "low: document.getElementById('card-lift').dataset.low,"
                    + "high: document.getElementById('card-lift').dataset.high,"
                    + "liftText: document.querySelector('#card-lift .value').textContent,"
                    + "interval: document.getElementById('lift-interval').textContent,"
                    + "iroas: document.getElementById('card-iroas').dataset.value,"
                    + "iroasText: document.querySelector('#card-iroas .value').textContent,"
                    + "incremental: document.getElementById('card-incremental').dataset.value,"
                    + "roasName: document.querySelector('#card-roas .name').textContent,"
                    + "causalFirst: !!(document.getElementById('causal').compareDocumentPosition("
                    + "  document.getElementById('card-roas')) & Node.DOCUMENT_POSITION_FOLLOWING),"
                    + "cpaHidden: document.getElementById('card-cpa').hidden,"
                    + "cacNote: document.querySelector('#card-cac .note').textContent})");
            assertThat(shown.get("visible")).isEqualTo(true);
            assertThat(parsed(shown.get("lift"))).isCloseTo(number(summary.get("lift")), within(1e-12));
            assertThat(parsed(shown.get("low"))).isCloseTo(number(summary.get("lift_ci_low")), within(1e-12));
            assertThat(parsed(shown.get("high"))).isCloseTo(number(summary.get("lift_ci_high")), within(1e-12));
            assertThat(parsed(shown.get("iroas"))).isCloseTo(number(summary.get("iroas")), within(1e-12));
            assertThat(parsed(shown.get("incremental"))).isCloseTo(number(summary.get("incremental_revenue")), within(1e-6));
            assertThat((String) shown.get("liftText")).isEqualTo(percent(number(summary.get("lift"))));
            assertThat((String) shown.get("interval")).contains("[" + percent(number(summary.get("lift_ci_low"))) + ", "
                    + percent(number(summary.get("lift_ci_high"))) + "]");
            assertThat((String) shown.get("iroasText")).isEqualTo(String.format(java.util.Locale.US, "%.2f",
                    number(summary.get("iroas"))));
            assertThat((String) shown.get("roasName")).isEqualTo("Tracked ROAS (not causal)");
            assertThat(shown.get("causalFirst")).as("the causal figures come before tracked ROAS").isEqualTo(true);
            assertThat(shown.get("cpaHidden")).as("CPA would repeat CAC (orders both)").isEqualTo(true);
            assertThat((String) shown.get("cacNote")).contains("CPA is the same figure here");
            chromium.screenshot(Path.of("target", "dashboard-influencer-causal.png"));
        }
    }

    @Test
    void shouldNotCrossTheLinesWhereRevenueNeverRecoversTheSpend() throws Exception {
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM kpi_payback WHERE pipeline = 'session-conversion' "
                + "AND business_date = DATE '" + NOT_PAID + "' AND paid_back")).as("the data this test needs").isZero();
        Payback payback = payback(NOT_PAID, "dashboard-payback-not-paid-back.png");
        assertThat(payback.mark()).isNull();
        assertThat(payback.note()).startsWith("Not paid back");
        for (int i = 0; i < payback.revenueY().size(); i++) {
            // Canvas y grows downwards: revenue below spend on screen, at every day.
            assertThat(payback.revenueY().get(i)).as("day index " + i).isGreaterThan(payback.spendY().get(i));
        }
    }

    @Test
    void shouldMarkThePaybackDayWhereRevenueRecoversTheSpend() throws Exception {
        Long day = TestDatabase.jdbc().queryForObject("SELECT MIN(day_since_launch) FROM kpi_payback WHERE pipeline = "
                + "'session-conversion' AND business_date = DATE '" + PAID + "' AND paid_back", Long.class);
        assertThat(day).as("the data this test needs: a spend cut to a twentieth is recovered").isNotNull();
        Payback payback = payback(PAID, "dashboard-payback-paid-back.png");
        assertThat(payback.mark()).isEqualTo(String.valueOf(day));
        assertThat(payback.note()).isEqualTo("Paid back on day " + day + " since launch");
        int at = payback.days().indexOf(String.valueOf(day));
        assertThat(at).isNotNegative();
        for (int i = 0; i < payback.days().size(); i++) {
            if (i < at) {
                assertThat(payback.revenueY().get(i)).as("before the payback day").isGreaterThan(payback.spendY().get(i));
            } else {
                assertThat(payback.revenueY().get(i)).as("from the payback day on").isLessThanOrEqualTo(payback.spendY().get(i));
            }
        }
    }

    private record Payback(List<String> days, List<Double> revenueY, List<Double> spendY, String mark, String note) {
    }

    /** The payback chart of one business date as drawn: each line's pixel y at each day, on its one y axis. */
    @SuppressWarnings("unchecked")
    private static Payback payback(String date, String screenshot) throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium-" + date))) {
            chromium.openReady(serve.url("/?pipeline=session-conversion&from=" + date + "&to=" + date));
            Map<String, Object> shown = (Map<String, Object>) chromium.evaluate("(() => {"
                    + "const c = Chart.getChart('chart-payback');"
                    + "const y = c.scales.y;"
                    + "const box = document.querySelector('[data-chart=payback]');"
                    + "return { axes: Object.keys(c.scales).filter(k => k !== 'x'),"
                    + "  axisIds: c.data.datasets.map(d => d.yAxisID), days: c.data.labels,"
                    + "  revenue: c.data.datasets[0].data.map(v => y.getPixelForValue(v)),"
                    + "  spend: c.data.datasets[1].data.map(v => y.getPixelForValue(v)),"
                    + "  mark: box.dataset.mark === undefined ? null : box.dataset.mark,"
                    + "  note: box.querySelector('.note').textContent }; })()");
            assertThat((List<String>) shown.get("axes")).as("one money scale for revenue and spend").containsExactly("y");
            assertThat((List<String>) shown.get("axisIds")).containsOnly("y");
            chromium.screenshot(Path.of("target", screenshot));
            List<Double> revenue = new ArrayList<>();
            List<Double> spend = new ArrayList<>();
            ((List<Object>) shown.get("revenue")).forEach(v -> revenue.add(number(v)));
            ((List<Object>) shown.get("spend")).forEach(v -> spend.add(number(v)));
            return new Payback((List<String>) shown.get("days"), revenue, spend, (String) shown.get("mark"),
                    (String) shown.get("note"));
        }
    }

    private static String percent(double ratio) {
        return String.format(java.util.Locale.US, "%,.1f %%", 100 * ratio);
    }
}
