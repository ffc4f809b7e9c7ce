package io.adlift.steps.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Influencers, their posts, tracked purchases and payouts as the influencer-roas seed had them
 * (SEEDS.md §5), with a real experiment in the tracking data.
 *
 * <p>max(20, rows / 1000) influencers with log-uniform followers (1k–2M), typed by followers; about
 * ten posts each whose reach grows with followers. Exactly {@code rows} tracking rows from
 * max(1, rows / 2) users, each user in one group for good (control 0 or exposed 1, half each, by a
 * hash of the user); orders are Poisson with the influencer's rate, 30 % higher for exposed users, so
 * the lift is real and known. Payouts come last: per order or a flat fee, set against the
 * influencer's expected revenue for a target ROAS between 0.7 and 8, so that most pay back and some
 * do not.
 */
public final class InfluencerRoasGenerator implements Generator {

    static final String INFLUENCERS_HEADER = "influencer_id,name,platform,category,gender,influencer_type,follower_count";
    static final String POSTS_HEADER = "post_id,influencer_id,likes,comments,reach,platform,url,date";
    static final String TRACKING_HEADER = "influencer_id,product,revenue,user_id,group,source,date,orders,campaign";
    static final String PAYOUTS_HEADER = "influencer_id,basis,rate,orders,total_payout";
    static final double EXPOSED_LIFT = 1.3;
    private static final String[] PRODUCTS = {"Protein Powder", "Skincare Set", "Wireless Earbuds", "Meal Kit",
        "Travel Backpack", "Sneakers"};
    private static final long[] PRICE_CENTS = {3_999, 5_999, 8_999, 2_999, 7_499, 11_999};
    private static final int CAMPAIGNS = 12;
    private static final long USER_KIND = 0x05E2;

    @Override
    public String pipeline() {
        return "influencer-roas";
    }

    @Override
    public List<Path> generate(Path outDir, long rows, long seed, GenerationListener listener) throws IOException {
        Files.createDirectories(outDir);
        Draws draws = new Draws(seed);
        List<Influencer> influencers = new ArrayList<>();
        for (int i = 1; i <= Math.max(20, rows / 1_000); i++) {
            influencers.add(Influencer.draw(i, draws));
        }
        int width = Ids.width(influencers.size(), 4);
        Path influencersFile = outDir.resolve("influencers.csv");
        writeInfluencers(influencersFile, influencers, width);
        Path postsFile = outDir.resolve("posts.csv");
        writePosts(postsFile, influencers, width, draws);
        Path trackingFile = outDir.resolve("tracking_data.csv");
        long[] orders = writeTracking(trackingFile, influencers, width, rows, seed, draws, listener);
        Path payoutsFile = outDir.resolve("payouts.csv");
        writePayouts(payoutsFile, influencers, width, orders, rows);
        Progress.done(listener, rows);
        return List.of(influencersFile, postsFile, trackingFile, payoutsFile);
    }

    /** Whether a user is exposed (1) or control (0): a hash of the user, so it never changes. */
    static int group(long seed, long user) {
        return (int) (Draws.mix(Draws.mix(seed, USER_KIND), user) & 1);
    }

    private static void writeInfluencers(Path file, List<Influencer> influencers, int width) throws IOException {
        CsvLine line = new CsvLine();
        try (BufferedWriter out = CsvFiles.create(file, INFLUENCERS_HEADER)) {
            for (Influencer influencer : influencers) {
                out.append(line.reset()
                        .addId("INF", influencer.number(), width)
                        .add("Influencer " + influencer.number())
                        .add(influencer.platform())
                        .add(influencer.category())
                        .add(influencer.gender())
                        .add(influencer.type())
                        .add(influencer.followers())
                        .end());
            }
        }
    }

    private static void writePosts(Path file, List<Influencer> influencers, int width, Draws draws) throws IOException {
        int postWidth = Ids.width(influencers.stream().mapToLong(Influencer::posts).sum(), 6);
        CsvLine line = new CsvLine();
        long post = 0;
        try (BufferedWriter out = CsvFiles.create(file, POSTS_HEADER)) {
            for (Influencer influencer : influencers) {
                for (int p = 0; p < influencer.posts(); p++) {
                    post++;
                    long reach = Math.max(1, Math.round(influencer.followers() * draws.uniform(0.05, 0.5)));
                    // At most 12 % likes and 1 % comments: likes + comments never exceed reach.
                    long likes = (long) (reach * draws.uniform(0.01, 0.12));
                    long comments = (long) (reach * draws.uniform(0.001, 0.01));
                    out.append(line.reset()
                            .addId("P", post, postWidth)
                            .addId("INF", influencer.number(), width)
                            .add(likes)
                            .add(comments)
                            .add(reach)
                            .add(influencer.platform())
                            .addId("https://example.com/p/P", post, postWidth)
                            .addDate(Year2024.FIRST_DAY + draws.uniform(0, Year2024.DAYS - 1))
                            .end());
                }
            }
        }
    }

    /** Writes the tracking rows; returns each influencer's tracked orders (index = number − 1). */
    private static long[] writeTracking(Path file, List<Influencer> influencers, int width, long rows, long seed,
            Draws draws, GenerationListener listener) throws IOException {
        double[] cumulativeReach = Draws.cumulative(influencers, Influencer::reachWeight);
        long[] orders = new long[influencers.size()];
        long users = Math.max(1, rows / 2);
        int userWidth = Ids.width(users, 6);
        CsvLine line = new CsvLine();
        try (BufferedWriter out = CsvFiles.create(file, TRACKING_HEADER)) {
            for (long i = 1; i <= rows; i++) {
                long user = draws.uniform(1L, users);
                int group = group(seed, user);
                int index = draws.pick(cumulativeReach);
                Influencer influencer = influencers.get(index);
                int product = draws.uniform(0, PRODUCTS.length - 1);
                long ordered = draws.poisson(influencer.orderRate() * (group == 1 ? EXPOSED_LIFT : 1));
                orders[index] += ordered;
                String platformSource = influencer.platform().toLowerCase(Locale.ROOT);
                // Exposed users mostly arrive from the influencer's platform, control users mostly not.
                boolean fromPlatform = draws.chance(group == 1 ? 0.9 : 0.2);
                out.append(line.reset()
                        .addId("INF", influencer.number(), width)
                        .add(PRODUCTS[product])
                        .addCents(ordered * PRICE_CENTS[product])
                        .addId("U", user, userWidth)
                        .add(group)
                        .add(fromPlatform ? platformSource : "organic")
                        .addDate(Year2024.FIRST_DAY + draws.uniform(0, Year2024.DAYS - 1))
                        .add(ordered)
                        .addId("CAMP", draws.uniform(1, CAMPAIGNS), 2)
                        .end());
                Progress.row(listener, i, rows);
            }
        }
        return orders;
    }

    /**
     * Rates set before the results were known, from each influencer's expected revenue: per order the
     * mean price over the target ROAS, or a flat fee of the expected revenue over it.
     */
    private static void writePayouts(Path file, List<Influencer> influencers, int width, long[] orders, long rows)
            throws IOException {
        double totalReach = Draws.cumulative(influencers, Influencer::reachWeight)[influencers.size() - 1];
        double meanPriceCents = 0;
        for (long price : PRICE_CENTS) {
            meanPriceCents += price / (double) PRICE_CENTS.length;
        }
        CsvLine line = new CsvLine();
        try (BufferedWriter out = CsvFiles.create(file, PAYOUTS_HEADER)) {
            for (Influencer influencer : influencers) {
                long tracked = orders[influencer.number() - 1];
                double expectedOrders = rows * influencer.reachWeight() / totalReach * influencer.orderRate()
                        * (1 + EXPOSED_LIFT) / 2;
                long rateCents;
                long totalCents;
                if (influencer.paidPerOrder()) {
                    rateCents = Math.max(1, Math.round(meanPriceCents / influencer.targetRoas()));
                    totalCents = rateCents * tracked;
                } else {
                    rateCents = Math.max(100, Math.round(expectedOrders * meanPriceCents / influencer.targetRoas()));
                    totalCents = rateCents;
                }
                out.append(line.reset()
                        .addId("INF", influencer.number(), width)
                        .add(influencer.paidPerOrder() ? "order" : "post")
                        .addCents(rateCents)
                        .add(tracked)
                        .addCents(totalCents)
                        .end());
            }
        }
    }
}
