package io.adlift.steps.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lift computation against the real randomised e-mail experiment of Kevin Hillstrom (64,000
 * customers): Womens E-Mail as the exposed group, No E-Mail as the control. Every expected figure is
 * computed here from the customer rows directly (two-pass means and variances, a bootstrap for the
 * interval), not through {@link GroupOutcome}'s running sums.
 */
class LiftOnHillstromTest {

    private static final Path FILE = Path.of("..", "examples", "data", "hillstrom.csv");

    private static final List<double[]> WOMENS = new ArrayList<>();
    private static final List<double[]> CONTROL = new ArrayList<>();

    @BeforeAll
    static void readCustomers() throws IOException {
        try (Reader in = Files.newBufferedReader(FILE)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                double[] outcome = {Double.parseDouble(r.get("spend")), Double.parseDouble(r.get("conversion"))};
                switch (r.get("segment")) {
                    case "Womens E-Mail" -> WOMENS.add(outcome);
                    case "No E-Mail" -> CONTROL.add(outcome);
                    default -> { }
                }
            }
        }
    }

    private static GroupOutcome summed(List<double[]> customers, int outcome) {
        double sum = 0;
        double squares = 0;
        for (double[] c : customers) {
            sum += c[outcome];
            squares += c[outcome] * c[outcome];
        }
        return new GroupOutcome(customers.size(), sum, squares);
    }

    private static double mean(List<double[]> customers, int outcome) {
        return customers.stream().mapToDouble(c -> c[outcome]).average().orElseThrow();
    }

    private static double twoPassVariance(List<double[]> customers, int outcome) {
        double mean = mean(customers, outcome);
        return customers.stream().mapToDouble(c -> (c[outcome] - mean) * (c[outcome] - mean)).sum() / (customers.size() - 1);
    }

    @Test
    void shouldReadTheTwoArmsOfTheExperiment() {
        assertThat(WOMENS).hasSize(21_387);
        assertThat(CONTROL).hasSize(21_306);
    }

    @Test
    void shouldMeasureSpendPerCustomerAndIncrementalSpendAsTheDataGives() {
        Lift lift = Lift.of(summed(WOMENS, 0), summed(CONTROL, 0));

        double exposed = mean(WOMENS, 0);
        double control = mean(CONTROL, 0);
        assertThat(lift.exposedMean()).isCloseTo(exposed, within(1e-9));
        assertThat(lift.controlMean()).isCloseTo(control, within(1e-9));
        // The experiment's well-known figures: about $1.08 against $0.65 spent per customer.
        assertThat(exposed).isCloseTo(1.077, within(0.001));
        assertThat(control).isCloseTo(0.653, within(0.001));
        assertThat(lift.perUnitDifference()).isCloseTo(exposed - control, within(1e-9));
        assertThat(lift.incrementalTotal()).isCloseTo((exposed - control) * WOMENS.size(), within(1e-6));
        assertThat(lift.lift()).isCloseTo(exposed / control - 1, within(1e-9));
        assertThat(lift.perCost(1000.0)).isCloseTo((exposed - control) * WOMENS.size() / 1000.0, within(1e-9));
    }

    @Test
    void shouldGiveTheDeltaMethodIntervalComputedFromTwoPassVariances() {
        Lift lift = Lift.of(summed(WOMENS, 0), summed(CONTROL, 0));

        double e = mean(WOMENS, 0);
        double c = mean(CONTROL, 0);
        double se = (e / c) * Math.sqrt(twoPassVariance(WOMENS, 0) / (WOMENS.size() * e * e)
                + twoPassVariance(CONTROL, 0) / (CONTROL.size() * c * c));
        assertThat(lift.ciLow()).isCloseTo(e / c - 1 - 1.96 * se, within(1e-3));
        assertThat(lift.ciHigh()).isCloseTo(e / c - 1 + 1.96 * se, within(1e-3));
        assertThat(lift.ciLow()).as("the e-mail's effect on spend is significant").isPositive();
    }

    @Test
    void shouldAgreeWithABootstrapIntervalOfTheSpendLift() {
        Lift lift = Lift.of(summed(WOMENS, 0), summed(CONTROL, 0));

        SplittableRandom random = new SplittableRandom(2008);
        int resamples = 400;
        double[] lifts = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            lifts[b] = resampledMean(WOMENS, random) / resampledMean(CONTROL, random) - 1;
        }
        java.util.Arrays.sort(lifts);
        double low = lifts[(int) (resamples * 0.025)];
        double high = lifts[(int) (resamples * 0.975) - 1];
        // Spend is heavy-tailed (a few hundred buyers), so the percentile interval is only roughly symmetric.
        assertThat(lift.ciLow()).isCloseTo(low, within(0.12));
        assertThat(lift.ciHigh()).isCloseTo(high, within(0.12));
    }

    @Test
    void shouldMeasureTheConversionLiftToo() {
        Lift lift = Lift.of(summed(WOMENS, 1), summed(CONTROL, 1));

        assertThat(lift.exposedMean()).isCloseTo(mean(WOMENS, 1), within(1e-12));
        assertThat(lift.controlMean()).isCloseTo(mean(CONTROL, 1), within(1e-12));
        assertThat(lift.incrementalTotal()).isCloseTo((mean(WOMENS, 1) - mean(CONTROL, 1)) * WOMENS.size(), within(1e-6));
        assertThat(lift.lift()).isBetween(0.4, 0.7);
    }

    @Test
    void shouldLeaveLiftUndefinedWhenTheControlGroupHasNoOutcome() {
        Lift lift = Lift.of(new GroupOutcome(10, 5, 5), new GroupOutcome(10, 0, 0));

        assertThat(lift.lift()).isNull();
        assertThat(lift.ciLow()).isNull();
        assertThat(lift.incrementalTotal()).isEqualTo(5.0);
    }

    private static double resampledMean(List<double[]> customers, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < customers.size(); i++) {
            sum += customers.get(random.nextInt(customers.size()))[0];
        }
        return sum / customers.size();
    }
}
