package io.adlift.steps.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One campaign of the session-conversion data, with the probability that a session it brought
 * converts: the seed's rule, which the pipeline is meant to learn from the visible columns only.
 */
record SessionCampaign(int number, Tier tier, long startDay, int spend, String format, String theme,
        double conversionProbability) {

    enum Tier {
        LOW("Low"), MEDIUM("Medium"), HIGH("High");

        private final String label;

        Tier(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final String[] FORMATS = {"video", "static", "UGC", "lifestyle"};
    static final String PROMO = "Promo/Sale";

    /**
     * Draws {@code count} campaigns. Tiers come in the seed's exact shares (2/5 Low, 2/5 Medium, 1/5
     * High), shuffled; the rest is drawn campaign by campaign.
     */
    static List<SessionCampaign> draw(int count, Draws draws) {
        Tier[] tiers = shuffledTiers(count, draws);
        long[] days = new long[count];
        int[] spends = new int[count];
        String[] formats = new String[count];
        String[] themes = new String[count];
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            days[i] = Year2024.FIRST_DAY + draws.uniform(0, Year2024.DAYS - 1);
            spends[i] = draws.uniform(1_000, 25_000);
            formats[i] = FORMATS[draws.uniform(0, FORMATS.length - 1)];
            themes[i] = draws.chance(0.7) ? "Evergreen" : PROMO;
            lowest = Math.min(lowest, spends[i]);
            highest = Math.max(highest, spends[i]);
        }
        List<SessionCampaign> campaigns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double scaled = highest == lowest ? 0 : (double) (spends[i] - lowest) / (highest - lowest);
            campaigns.add(new SessionCampaign(i + 1, tiers[i], days[i], spends[i], formats[i], themes[i],
                    probability(scaled, tiers[i], formats[i], themes[i])));
        }
        return campaigns;
    }

    /** The seed's rule: 0.02 + 0.05·minmax(spend), lifted for High tier promos and videos, cut for Low. */
    static double probability(double scaledSpend, Tier tier, String format, String theme) {
        boolean promo = theme.equals(PROMO);
        boolean video = format.equals("video");
        double p = 0.02 + 0.05 * scaledSpend;
        if (tier == Tier.HIGH && (promo || video)) {
            p += 0.5;
        }
        if (tier == Tier.HIGH && promo && video) {
            p += 0.85;
        }
        if (tier == Tier.LOW) {
            p *= 0.1;
        }
        return Math.max(0.005, Math.min(1, p));
    }

    private static Tier[] shuffledTiers(int count, Draws draws) {
        Tier[] tiers = new Tier[count];
        int high = count / 5;
        int low = (count - high) / 2;
        for (int i = 0; i < count; i++) {
            tiers[i] = i < low ? Tier.LOW : i < count - high ? Tier.MEDIUM : Tier.HIGH;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = draws.uniform(0, i);
            Tier t = tiers[i];
            tiers[i] = tiers[j];
            tiers[j] = t;
        }
        return tiers;
    }
}
