package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ad-level campaign rows shaped like the Kaggle file (SEEDS.md §1): three campaigns in its
 * proportions, its age and gender mix, 40 interest codes, log-normal impressions (median ≈ 36k),
 * click-through around 0.016 % with about one row in six without clicks (and then no spend), cost per
 * click around 1.5, enquiries growing with reach and about a third of them approved.
 */
public final class AdConversionsGenerator implements Generator {

    static final String HEADER = "ad_id,xyz_campaign_id,fb_campaign_id,age,gender,interest,Impressions,Clicks,Spent,"
            + "Total_Conversion,Approved_Conversion";
    private static final String[] CAMPAIGNS = {"916", "936", "1178"};
    private static final double[] CAMPAIGN_WEIGHTS = {54, 464, 625};
    private static final String[] AGES = {"30-34", "35-39", "40-44", "45-49"};
    private static final double[] AGE_WEIGHTS = {426, 248, 210, 259};
    private static final int[] INTERESTS = {2, 7, 10, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        36, 63, 64, 65, 66, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114};

    @Override
    public String pipeline() {
        return "ad-conversions";
    }

    @Override
    public List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve("ads.csv");
        Draws draws = new Draws(seed);
        CsvLine line = new CsvLine();
        try (BufferedWriter out = CsvFiles.create(file, HEADER)) {
            for (long i = 1; i <= rows; i++) {
                int campaign = draws.weighted(CAMPAIGN_WEIGHTS);
                long impressions = Math.max(87, Math.min(3_100_000, Math.round(Math.exp(draws.normal(10.5, 2.2)))));
                long clicks = draws.poisson(impressions * 0.00016 * draws.uniform(0.3, 1.7));
                long spentCents = clicks == 0 ? 0 : Math.max(1, Math.round(clicks * draws.normal(150, 23)));
                long enquiries = 1 + draws.poisson(0.4 + 0.35 * Math.log1p(clicks) + 0.000004 * impressions);
                long approved = draws.binomial(enquiries, 0.33);
                out.append(line.reset()
                        .add(700_000 + i)
                        .add(CAMPAIGNS[campaign])
                        .add(100_000 + campaign * 10_000 + draws.uniform(0, 9_999))
                        .add(AGES[draws.weighted(AGE_WEIGHTS)])
                        .add(draws.chance(0.518) ? "M" : "F")
                        .add(INTERESTS[draws.uniform(0, INTERESTS.length - 1)])
                        .add(impressions)
                        .add(clicks)
                        .addCents(spentCents)
                        .add(enquiries)
                        .add(approved)
                        .end());
                Progress.row(listener, i, rows);
            }
        }
        Progress.done(listener, rows);
        return List.of(file);
    }
}
