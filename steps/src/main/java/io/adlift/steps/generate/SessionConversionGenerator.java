package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Campaigns, web sessions and orders as the session-conversion seed drew them (SEEDS.md §3).
 *
 * <p>Campaigns: max(50, rows / 4000) of them, tiers Low/Medium/High in the seed's 20/20/10 of 50,
 * start dates uniform over 2024, spend U{1000..25000}, four creative formats, themes Evergreen 0.7 /
 * Promo/Sale 0.3. They are few by construction and kept in memory: every session needs its campaign.
 *
 * <p>Sessions: {@code rows} of them, in the order drawn (not by time), from max(1, rows / 4) users,
 * starting uniformly over 2024, their campaign drawn in proportion to spend. Whether one converted
 * follows the seed's hidden rule on the campaign's spend, tier, format and theme; the tier is written
 * to campaigns.csv as in the seed, for the pipeline to leave out of its model.
 *
 * <p>Orders: one per converted session, 5 to 59 whole minutes after it, gross revenue U(50, 300);
 * written in the same pass as the sessions.
 */
public final class SessionConversionGenerator implements Generator {

    static final String CAMPAIGNS_HEADER = "campaign_id,name,tier,start_date,spend,creative_format,creative_theme";
    static final String SESSIONS_HEADER = "session_id,user_id,session_start,utm_source,utm_medium,campaign_id,converted";
    static final String ORDERS_HEADER = "order_id,session_id,user_id,order_ts,gross_revenue";
    private static final String[] SOURCES = {"google", "facebook", "instagram", "direct"};
    private static final double[] SOURCE_WEIGHTS = {0.4, 0.3, 0.2, 0.1};
    private static final String[] MEDIUMS = {"cpc", "social_paid", "organic", "referral"};
    private static final double[] MEDIUM_WEIGHTS = {0.5, 0.2, 0.2, 0.1};

    @Override
    public String pipeline() {
        return "session-conversion";
    }

    @Override
    public List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException {
        Files.createDirectories(outDir);
        Draws draws = new Draws(seed);
        List<SessionCampaign> campaigns = SessionCampaign.draw((int) Math.max(50, rows / 4_000), draws);
        Path campaignsFile = outDir.resolve("campaigns.csv");
        writeCampaigns(campaignsFile, campaigns);
        Path sessionsFile = outDir.resolve("sessions.csv");
        Path ordersFile = outDir.resolve("orders.csv");
        writeSessions(sessionsFile, ordersFile, campaigns, rows, draws, listener);
        Progress.done(listener, rows);
        return List.of(campaignsFile, sessionsFile, ordersFile);
    }

    private static void writeCampaigns(Path file, List<SessionCampaign> campaigns) throws IOException {
        CsvLine line = new CsvLine();
        int width = Ids.width(campaigns.size(), 3);
        try (BufferedWriter out = CsvFiles.create(file, CAMPAIGNS_HEADER)) {
            for (SessionCampaign c : campaigns) {
                out.append(line.reset()
                        .addId("CMP", c.number(), width)
                        .add("Campaign " + c.number())
                        .add(c.tier().label())
                        .addDate(c.startDay())
                        .add(c.spend())
                        .add(c.format())
                        .add(c.theme())
                        .end());
            }
        }
    }

    private static void writeSessions(Path sessionsFile, Path ordersFile, List<SessionCampaign> campaigns, long rows,
            Draws draws, GenerationListener listener) throws IOException {
        double[] cumulativeSpend = Draws.cumulative(campaigns, SessionCampaign::spend);
        long users = Math.max(1, rows / 4);
        int sessionWidth = Ids.width(rows, 7);
        int userWidth = Ids.width(users, 6);
        int campaignWidth = Ids.width(campaigns.size(), 3);
        CsvLine session = new CsvLine();
        CsvLine order = new CsvLine();
        long orders = 0;
        try (BufferedWriter sessionsOut = CsvFiles.create(sessionsFile, SESSIONS_HEADER);
                BufferedWriter ordersOut = CsvFiles.create(ordersFile, ORDERS_HEADER)) {
            for (long i = 1; i <= rows; i++) {
                SessionCampaign campaign = campaigns.get(draws.pick(cumulativeSpend));
                long start = Year2024.FIRST_SECOND + draws.uniform(0L, Year2024.SECONDS - 1);
                long user = draws.uniform(1L, users);
                boolean converted = draws.chance(campaign.conversionProbability());
                sessionsOut.append(session.reset()
                        .addId("S", i, sessionWidth)
                        .addId("U", user, userWidth)
                        .addTimestamp(start)
                        .add(SOURCES[draws.weighted(SOURCE_WEIGHTS)])
                        .add(MEDIUMS[draws.weighted(MEDIUM_WEIGHTS)])
                        .addId("CMP", campaign.number(), campaignWidth)
                        .add(converted ? 1 : 0)
                        .end());
                if (converted) {
                    orders++;
                    ordersOut.append(order.reset()
                            .addId("O", orders, sessionWidth)
                            .addId("S", i, sessionWidth)
                            .addId("U", user, userWidth)
                            .addTimestamp(start + 60L * draws.uniform(5, 59))
                            .addCents(draws.cents(50, 300))
                            .end());
                }
                Progress.row(listener, i, rows);
            }
        }
    }
}
