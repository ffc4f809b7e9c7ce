package io.adlift.pipeline.model;

import java.util.Locale;
import java.util.Map;

/**
 * The human name of a record's column, for forms and answers: the seed data models' raw column names
 * ({@code xyz_campaign_id}, {@code Total_Conversion}) as a person would say them, other names with their
 * underscores made spaces.
 */
public final class FieldLabels {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("xyz_campaign_id", "Campaign"),
            Map.entry("fb_campaign_id", "Facebook campaign"),
            Map.entry("age", "Age group"),
            Map.entry("gender", "Gender"),
            Map.entry("interest", "Interest (code)"),
            Map.entry("Impressions", "Impressions"),
            Map.entry("Clicks", "Clicks"),
            Map.entry("Spent", "Spend"),
            Map.entry("Total_Conversion", "Conversions (enquiries)"),
            Map.entry("Approved_Conversion", "Approved conversions (purchases)"),
            Map.entry("clv", "Customer lifetime value"),
            Map.entry("converted", "Conversion"),
            Map.entry("purchases", "Purchases"),
            Map.entry("utm_source", "Traffic source (utm_source)"),
            Map.entry("utm_medium", "Traffic medium (utm_medium)"),
            Map.entry("session_start", "Session start"),
            Map.entry("duration_days", "Duration (days)"),
            Map.entry("total_budget", "Total budget"),
            Map.entry("unique_interests", "Distinct interests targeted"));

    private FieldLabels() {
    }

    public static String of(String column) {
        String known = KNOWN.get(column);
        if (known != null) {
            return known;
        }
        String spaced = column.replace('_', ' ').trim();
        if (spaced.startsWith("ads ")) {
            spaced = "Ads: " + spaced.substring(4);
        }
        return spaced.isEmpty() ? column : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
