package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Daily campaign rows as the campaign-clv seed drew them (SEEDS.md §2): impressions U{1000..50000},
 * clicks U{0.5 %..5 %} of them, conversions U{1 %..10 %} of clicks but at least one, spend U(500, 10000)
 * and a lifetime value of conversions × U{50..500}, a whole amount.
 *
 * <p>One row per date and campaign from 2024-01-01, ordered by date then campaign name. Four campaigns
 * A–D as in the seed while they fill a year ({@code rows} ≤ 4 × 365); beyond that more campaigns
 * C0005, C0006, … join so that the dates still span one year. The last date may hold only the first
 * campaigns in name order, so that there are exactly {@code rows} rows.
 */
public final class CampaignClvGenerator implements Generator {

    static final String HEADER = "date,campaign,impressions,clicks,conversions,spend,clv";
    private static final String[] SEED_CAMPAIGNS = {"A", "B", "C", "D"};
    private static final int DAYS = 365;

    @Override
    public String pipeline() {
        return "campaign-clv";
    }

    @Override
    public List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve("daily.csv");
        long campaigns = Math.max(SEED_CAMPAIGNS.length, (rows + DAYS - 1) / DAYS);
        int width = Ids.width(campaigns, 4);
        Draws draws = new Draws(seed);
        CsvLine line = new CsvLine();
        try (BufferedWriter out = CsvFiles.create(file, HEADER)) {
            long written = 0;
            for (long day = Year2024.FIRST_DAY; written < rows; day++) {
                for (long rank = 0; rank < campaigns && written < rows; rank++) {
                    line.reset().addDate(day);
                    addCampaign(line, rank, campaigns, width);
                    addMetrics(line, draws);
                    out.append(line.end());
                    written++;
                    Progress.row(listener, written, rows);
                }
            }
        }
        Progress.done(listener, rows);
        return List.of(file);
    }

    /**
     * The campaign at a rank in name order: A, B, C, then C0005 … Cnnnn (which sort after "C" and
     * among themselves by number, being zero-padded), then D.
     */
    private static void addCampaign(CsvLine line, long rank, long campaigns, int width) {
        long extra = campaigns - SEED_CAMPAIGNS.length;
        if (rank < 3) {
            line.add(SEED_CAMPAIGNS[(int) rank]);
        } else if (rank < 3 + extra) {
            line.addId("C", rank + 2, width);
        } else {
            line.add(SEED_CAMPAIGNS[3]);
        }
    }

    private static void addMetrics(CsvLine line, Draws draws) {
        int impressions = draws.uniform(1_000, 50_000);
        // Integer bounds: 0.5 % rounded up, 5 % rounded down, so a check in whole numbers agrees.
        int clicks = draws.uniform((impressions * 5 + 999) / 1_000, impressions * 5 / 100);
        int fewest = Math.max(1, (clicks + 99) / 100);
        int conversions = draws.uniform(fewest, Math.max(fewest, clicks / 10));
        line.add(impressions)
                .add(clicks)
                .add(conversions)
                .addCents(draws.cents(500, 10_000))
                .add((long) conversions * draws.uniform(50, 500));
    }
}
