package io.adlift.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a large ad-conversions file of the Kaggle file's shape, deterministically, and keeps the
 * figures a correct run must reproduce: per-campaign sums of the good rows and the lines of the bad
 * ones, computed here while writing, independently of the code under test.
 */
final class AdFile {

    static final String HEADER = "ad_id,xyz_campaign_id,fb_campaign_id,age,gender,interest,Impressions,Clicks,"
            + "Spent,Total_Conversion,Approved_Conversion";
    private static final String[] CAMPAIGNS = {"916", "936", "1178"};
    private static final String[] AGES = {"30-34", "35-39", "40-44", "45-49"};

    final Path path;
    final long rows;
    final long badRows;
    /** Impressions summed per campaign over the good rows. */
    final Map<String, Long> impressions = new TreeMap<>();

    private AdFile(Path path, long rows, long badRows) {
        this.path = path;
        this.rows = rows;
        this.badRows = badRows;
    }

    /** {@code rows} data rows; every {@code badEvery}-th has a non-numeric click count. */
    static AdFile write(Path path, long rows, long badEvery, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> sums = new TreeMap<>();
        long bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = 1; i <= rows; i++) {
                String campaign = CAMPAIGNS[random.nextInt(CAMPAIGNS.length)];
                long impressions = random.nextLong(100, 50_000);
                long clicks = random.nextLong(0, impressions / 100 + 1);
                boolean isBad = i % badEvery == 0;
                out.write(i + "," + campaign + "," + (100_000 + i) + "," + AGES[random.nextInt(AGES.length)] + ","
                        + (random.nextBoolean() ? "M" : "F") + "," + random.nextInt(2, 115) + "," + impressions + ","
                        + (isBad ? "n/a" : Long.toString(clicks)) + "," + clicks * 1.25 + "," + random.nextInt(1, 6) + ","
                        + random.nextInt(0, 2) + "\n");
                if (isBad) {
                    bad++;
                } else {
                    sums.merge(campaign, impressions, Long::sum);
                }
            }
        }
        AdFile file = new AdFile(path, rows, bad);
        file.impressions.putAll(sums);
        return file;
    }

    /**
     * The shipped ad-conversions definition as a KPI-only pipeline, in {@code dir}: for tests of ingest and
     * relaunches, where the model branch is not under test and would only make them longer.
     */
    static Path kpiOnlyDefinition(Path dir) throws IOException {
        Files.createDirectories(dir);
        String shipped = Files.readString(Adlift.repoRoot().resolve("config/pipelines/ad-conversions.yml"));
        Files.writeString(dir.resolve("ad-conversions.yml"), shipped.replace("kind: regression", "kind: kpi-only"));
        return dir;
    }
}
