package io.adlift.steps.generate;

/**
 * One influencer of the influencer-roas data: the columns of influencers.csv, and what the generator
 * needs to draw its tracked orders and its payout.
 *
 * @param posts        how many posts it made
 * @param reachWeight  its share of tracked users, relative to the others (grows with followers)
 * @param orderRate    mean orders per tracked row for a control user; exposed users order more
 * @param paidPerOrder whether it is paid per order (else a flat fee for its posts)
 * @param targetRoas   the return its payout was set for, against its expected revenue
 */
record Influencer(int number, String platform, String category, String gender, long followers, int posts,
        double reachWeight, double orderRate, boolean paidPerOrder, double targetRoas) {

    static final String[] PLATFORMS = {"Instagram", "YouTube", "Twitter"};
    private static final String[] CATEGORIES = {"Fitness", "Beauty", "Tech", "Food", "Travel", "Fashion"};
    private static final String[] GENDERS = {"Male", "Female", "Other"};
    private static final double[] GENDER_WEIGHTS = {0.45, 0.45, 0.1};

    static Influencer draw(int number, Draws draws) {
        String platform = PLATFORMS[draws.uniform(0, PLATFORMS.length - 1)];
        String category = CATEGORIES[draws.uniform(0, CATEGORIES.length - 1)];
        String gender = GENDERS[draws.weighted(GENDER_WEIGHTS)];
        long followers = Math.round(Math.exp(draws.uniform(Math.log(1_000), Math.log(2_000_000))));
        int posts = 1 + (int) draws.poisson(9);
        double orderRate = 0.25 * Math.exp(draws.normal(0, 0.35));
        boolean paidPerOrder = draws.chance(0.5);
        // Log-uniform over 0.7–8: most influencers pay back, about one in seven does not.
        double targetRoas = Math.exp(draws.uniform(Math.log(0.7), Math.log(8)));
        return new Influencer(number, platform, category, gender, followers, posts, Math.pow(followers, 0.3),
                orderRate, paidPerOrder, targetRoas);
    }

    /** The seed's tiers by followers. */
    String type() {
        if (followers >= 500_000) {
            return "Mega";
        }
        if (followers >= 100_000) {
            return "Macro";
        }
        return followers >= 50_000 ? "Micro" : "Nano";
    }
}
