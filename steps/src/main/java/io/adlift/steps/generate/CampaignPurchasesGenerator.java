package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Campaigns, their ads and the ads' events as the campaign-purchases seed had them (SEEDS.md §4).
 *
 * <p>About rows / 100 ads (at least 10) in max(2, ads / 5) campaigns of 1 + Poisson(4) ads each.
 * Campaigns run 30–365 days from the first of a month of 2024 on a budget of duration × U(40, 400);
 * end_month is the month of their last day, which is before start_month when a campaign runs into
 * 2025. Exactly {@code rows} events: each campaign gets a share in proportion to its budget, spread
 * uniformly over its ads and over its days in 2024; an event is a purchase with its ad's purchase
 * rate, a click with three times that, else an impression.
 *
 * <p>Campaigns are drawn again from their own seeds on each of the three passes (totals, campaigns
 * with ads, events), so nothing is kept per campaign or per ad.
 */
public final class CampaignPurchasesGenerator implements Generator {

    static final String CAMPAIGNS_HEADER = "campaign_id,duration_days,total_budget,start_month,end_month";
    static final String ADS_HEADER = "ad_id,campaign_id,platform,ad_type,target_gender,target_age_group,interest";
    static final String EVENTS_HEADER = "event_id,ad_id,event_type,event_time";
    private static final double CLICKS_PER_PURCHASE = 3;

    @Override
    public String pipeline() {
        return "campaign-purchases";
    }

    @Override
    public List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException {
        Files.createDirectories(outDir);
        int campaigns = (int) Math.max(2, Math.max(10, rows / 100) / 5);
        long ads = 0;
        double totalBudget = 0;
        for (int c = 1; c <= campaigns; c++) {
            PurchaseCampaign campaign = PurchaseCampaign.draw(seed, c, 0);
            ads += campaign.ads().size();
            totalBudget += campaign.budgetCents();
        }
        Widths widths = new Widths(Ids.width(campaigns, 4), Ids.width(ads, 6), Ids.width(rows, 8));
        Path campaignsFile = outDir.resolve("campaigns.csv");
        Path adsFile = outDir.resolve("ads.csv");
        writeCampaigns(campaignsFile, adsFile, campaigns, seed, widths);
        Path eventsFile = outDir.resolve("ad_events.csv");
        writeEvents(eventsFile, campaigns, totalBudget, rows, seed, widths, listener);
        Progress.done(listener, rows);
        return List.of(campaignsFile, adsFile, eventsFile);
    }

    private record Widths(int campaign, int ad, int event) {
    }

    private static void writeCampaigns(Path campaignsFile, Path adsFile, int campaigns, long seed, Widths widths)
            throws IOException {
        CsvLine line = new CsvLine();
        long firstAd = 1;
        try (BufferedWriter campaignsOut = CsvFiles.create(campaignsFile, CAMPAIGNS_HEADER);
                BufferedWriter adsOut = CsvFiles.create(adsFile, ADS_HEADER)) {
            for (int c = 1; c <= campaigns; c++) {
                PurchaseCampaign campaign = PurchaseCampaign.draw(seed, c, firstAd);
                campaignsOut.append(line.reset()
                        .addId("CMP", c, widths.campaign())
                        .add(campaign.durationDays())
                        .addCents(campaign.budgetCents())
                        .add(campaign.startMonth())
                        .add(campaign.endMonth())
                        .end());
                for (PurchaseCampaign.Ad ad : campaign.ads()) {
                    adsOut.append(line.reset()
                            .addId("AD", ad.number(), widths.ad())
                            .addId("CMP", c, widths.campaign())
                            .add(ad.platform())
                            .add(ad.type())
                            .add(ad.gender())
                            .add(ad.ageGroup())
                            .add(ad.interest())
                            .end());
                }
                firstAd += campaign.ads().size();
            }
        }
    }

    private static void writeEvents(Path file, int campaigns, double totalBudget, long rows, long seed, Widths widths,
            GenerationListener listener) throws IOException {
        Draws draws = new Draws(seed);
        CsvLine line = new CsvLine();
        long firstAd = 1;
        long written = 0;
        double budgetSoFar = 0;
        try (BufferedWriter out = CsvFiles.create(file, EVENTS_HEADER)) {
            for (int c = 1; c <= campaigns; c++) {
                PurchaseCampaign campaign = PurchaseCampaign.draw(seed, c, firstAd);
                firstAd += campaign.ads().size();
                budgetSoFar += campaign.budgetCents();
                // Shares by running totals, the last campaign taking the rest: exactly rows events in all.
                long upTo = c == campaigns ? rows : Math.min(rows, (long) Math.floor(rows * (budgetSoFar / totalBudget)));
                long firstSecond = campaign.firstDay() * 86_400;
                long lastSecond = campaign.lastDay() * 86_400 + 86_399;
                for (; written < upTo; written++) {
                    PurchaseCampaign.Ad ad = campaign.ads().get(draws.uniform(0, campaign.ads().size() - 1));
                    double x = draws.uniform(0.0, 1.0);
                    String type = x < ad.purchaseRate() ? "purchase"
                            : x < ad.purchaseRate() * (1 + CLICKS_PER_PURCHASE) ? "click" : "impression";
                    out.append(line.reset()
                            .addId("EV", written + 1, widths.event())
                            .addId("AD", ad.number(), widths.ad())
                            .add(type)
                            .addTimestamp(draws.uniform(firstSecond, lastSecond))
                            .end());
                    Progress.row(listener, written + 1, rows);
                }
            }
        }
    }
}
