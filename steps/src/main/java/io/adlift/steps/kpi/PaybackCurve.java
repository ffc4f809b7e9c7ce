package io.adlift.steps.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Cumulative revenue by days since launch against what was spent: the payback curve, and the first
 * day on which revenue covers the spend (its payback day), if any.
 */
public record PaybackCurve(List<Point> points, Integer paybackDay) {

    /**
     * @param recovered cumulative revenue / spend; null when nothing was spent
     */
    public record Point(int day, double revenue, double cumulativeRevenue, double spend, Double recovered,
            boolean paidBack) {
    }

    /** The curve of {@code revenueByDay} (days since launch, in order) against {@code spend}. */
    public static PaybackCurve of(SortedMap<Integer, Double> revenueByDay, double spend) {
        List<Point> points = new ArrayList<>(revenueByDay.size());
        double cumulative = 0;
        Integer paybackDay = null;
        for (var e : revenueByDay.entrySet()) {
            cumulative += e.getValue();
            boolean paidBack = spend > 0 && cumulative >= spend;
            if (paidBack && paybackDay == null) {
                paybackDay = e.getKey();
            }
            points.add(new Point(e.getKey(), e.getValue(), cumulative, spend, spend > 0 ? cumulative / spend : null,
                    paidBack));
        }
        return new PaybackCurve(List.copyOf(points), paybackDay);
    }
}
