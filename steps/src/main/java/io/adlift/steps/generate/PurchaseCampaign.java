package io.adlift.steps.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One campaign of the campaign-purchases data and its ads, drawn from the campaign's own seeded draws
 * so that each pass over the campaigns can draw it again instead of keeping every campaign.
 *
 * <p>How many purchases its events hold is what the pipeline learns from the campaign's rolled-up
 * features: events come in proportion to the budget (the generator's share), and each ad converts at
 * a rate set by its platform, type and targeting, the campaign's breadth of interests and some noise.
 */
record PurchaseCampaign(int number, int durationDays, long budgetCents, int startMonth, int endMonth,
        List<Ad> ads) {

    /** One ad: its number among all ads, its attributes, and the chance that an event of it is a purchase. */
    record Ad(long number, String platform, String type, String gender, String ageGroup, String interest,
            double purchaseRate) {
    }

    static final String[] PLATFORMS = {"Facebook", "Instagram"};
    private static final double[] PLATFORM_LIFT = {0.85, 1.2};
    static final String[] TYPES = {"Carousel", "Image", "Stories", "Video"};
    private static final double[] TYPE_LIFT = {1.2, 0.7, 1.0, 1.5};
    static final String[] GENDERS = {"All", "Female", "Male"};
    private static final double[] GENDER_WEIGHTS = {0.4, 0.3, 0.3};
    static final String[] AGE_GROUPS = {"18-24", "25-34", "35-44", "All"};
    static final String[] INTERESTS = {"fitness", "travel", "fashion", "food", "technology", "gaming", "music",
        "sports", "beauty", "finance", "parenting", "pets", "outdoors", "photography", "cooking", "movies", "books",
        "cars", "decor", "health"};
    private static final long KIND = 0x50C;
    private static final double BASE_PURCHASE_RATE = 0.035;

    /** Draws campaign {@code number} whose first ad is numbered {@code firstAd}. */
    static PurchaseCampaign draw(long seed, int number, long firstAd) {
        Draws draws = Draws.of(seed, KIND, number);
        int adCount = 1 + (int) draws.poisson(4);
        int duration = draws.uniform(30, 365);
        long budgetCents = duration * draws.cents(40, 400);
        int startMonth = draws.uniform(1, 12);
        int endMonth = Year2024.monthOf(Year2024.firstDayOf(startMonth) + duration - 1);
        double campaignLift = Math.exp(draws.normal(0, 0.1));
        List<Ad> drafts = new ArrayList<>(adCount);
        Set<String> interests = new HashSet<>();
        for (int i = 0; i < adCount; i++) {
            int platform = draws.uniform(0, PLATFORMS.length - 1);
            int type = draws.uniform(0, TYPES.length - 1);
            String gender = GENDERS[draws.weighted(GENDER_WEIGHTS)];
            String age = AGE_GROUPS[draws.uniform(0, AGE_GROUPS.length - 1)];
            String interest = INTERESTS[draws.uniform(0, INTERESTS.length - 1)];
            interests.add(interest);
            double rate = BASE_PURCHASE_RATE * PLATFORM_LIFT[platform] * TYPE_LIFT[type]
                    * (gender.equals("All") ? 1.0 : 1.05) * (age.equals("All") ? 0.8 : 1.1) * campaignLift;
            drafts.add(new Ad(firstAd + i, PLATFORMS[platform], TYPES[type], gender, age, interest, rate));
        }
        // Broader interest targeting reaches more buyers: a lift the pipeline sees as unique interests.
        double breadth = 1 + 0.04 * interests.size();
        List<Ad> ads = drafts.stream().map(a -> new Ad(a.number(), a.platform(), a.type(), a.gender(), a.ageGroup(),
                a.interest(), a.purchaseRate() * breadth)).toList();
        return new PurchaseCampaign(number, duration, budgetCents, startMonth, endMonth, ads);
    }

    /** The first day events may fall on: the first of the start month. */
    long firstDay() {
        return Year2024.firstDayOf(startMonth);
    }

    /** The last day events may fall on: the campaign's last day, or 2024-12-31 if it runs into 2025. */
    long lastDay() {
        return Math.min(firstDay() + durationDays - 1, Year2024.FIRST_DAY + Year2024.DAYS - 1);
    }
}
