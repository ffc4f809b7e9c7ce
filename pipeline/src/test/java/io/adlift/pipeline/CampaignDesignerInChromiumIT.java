package io.adlift.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign designer (seed 002) in a real headless Chromium against a real run of campaign-purchases on
 * generated data: a campaign's design typed into the form is answered with the model's own batch
 * prediction for that campaign, and a design without ads with zero purchases, without the model.
 */
class CampaignDesignerInChromiumIT {

    private static final List<String> DESIGN = List.of("duration_days", "total_budget", "start_month", "end_month", "ads",
            "unique_interests", "ads_facebook", "ads_instagram", "ads_carousel", "ads_image", "ads_stories", "ads_video",
            "ads_gender_all", "ads_gender_female", "ads_gender_male", "ads_age_18_24", "ads_age_25_34", "ads_age_35_44",
            "ads_age_all");

    @TempDir
    static Path dir;

    private static ServeProcess serve;

    @BeforeAll
    static void generateRunAndServe() throws Exception {
        ServeProcess.generateAndRun(dir, "campaign-purchases", 100000, "2026-05-01");
        serve = ServeProcess.start(dir, List.of());
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void shouldAnswerADesignWithTheModelsPredictionAndNoAdsWithZero() throws Exception {
        Map<String, Object> campaign = TestDatabase.rows("SELECT * FROM kpi_campaign_rollup WHERE ads > 0 "
                + "ORDER BY campaign_id LIMIT 1").get(0);
        double batch = TestDatabase.jdbc().queryForObject("SELECT prediction FROM model_prediction WHERE "
                + "pipeline = 'campaign-purchases' AND row_key = ?", Double.class, campaign.get("campaign_id"));
        Map<String, Object> design = new LinkedHashMap<>();
        DESIGN.forEach(c -> design.put(c, campaign.get(c)));

        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("chromium"))) {
            chromium.call("Page.enable", Map.of());
            chromium.navigate(serve.url("/designer?pipeline=campaign-purchases"));
            chromium.await("document.body && document.body.dataset.ready === 'true'", Duration.ofSeconds(60));

            Object predicted = submit(chromium, design);
            assertThat(Double.parseDouble((String) predicted)).isEqualTo(batch);
            assertThat(chromium.evaluate("document.getElementById('d-result').dataset.by")).isEqualTo("model");

            design.put("ads", 0);
            assertThat(submit(chromium, design)).isEqualTo("0");
            assertThat(chromium.evaluate("document.getElementById('d-result').dataset.by")).isEqualTo("rule");
            assertThat((String) chromium.evaluate("document.getElementById('d-result').textContent"))
                    .contains("the model was not asked");
            chromium.screenshot(Path.of("target", "campaign-designer.png"));
        }
    }

    /** Types the design into the form, presses Predict and waits for the answer. */
    private static Object submit(HeadlessChromium chromium, Map<String, Object> design) throws Exception {
        StringBuilder script = new StringBuilder("document.getElementById('d-result').removeAttribute('data-prediction');");
        design.forEach((k, v) -> script.append("document.getElementById('d-").append(k).append("').value = '")
                .append(v).append("';"));
        script.append("document.getElementById('d-predict').click(); true");
        chromium.evaluate(script.toString());
        chromium.await("document.getElementById('d-result').dataset.prediction !== undefined", Duration.ofSeconds(30));
        return chromium.evaluate("document.getElementById('d-result').dataset.prediction");
    }
}
