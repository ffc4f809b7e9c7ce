package io.adlift.steps.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session-conversion generator's hidden rule, callable from outside: the true probability that a
 * session converts, given its campaign as campaigns.csv lists it. Tests score test rows with it to know
 * the Bayes limit no model can pass; the pipeline never calls it (it reads the tier).
 */
public final class SessionConversionRule {

    private SessionConversionRule() {
    }

    /** One campaign as campaigns.csv lists it; the tier is "Low", "Medium" or "High". */
    public record Campaign(String campaignId, String tier, double spend, String format, String theme) {
    }

    /**
     * Each campaign's conversion probability by id, exactly as the generator drew sessions with it: spend
     * min-max scaled over these campaigns, then {@link SessionCampaign#probability}.
     */
    public static Map<String, Double> probabilities(List<Campaign> campaigns) {
        double lowest = campaigns.stream().mapToDouble(Campaign::spend).min().orElse(0);
        double highest = campaigns.stream().mapToDouble(Campaign::spend).max().orElse(0);
        Map<String, Double> byId = new LinkedHashMap<>();
        for (Campaign c : campaigns) {
            double scaled = highest == lowest ? 0 : (c.spend() - lowest) / (highest - lowest);
            byId.put(c.campaignId(), SessionCampaign.probability(scaled, tier(c.tier()), c.format(), c.theme()));
        }
        return byId;
    }

    private static SessionCampaign.Tier tier(String label) {
        for (SessionCampaign.Tier t : SessionCampaign.Tier.values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + label + "'; the generator writes Low, Medium or High");
    }
}
