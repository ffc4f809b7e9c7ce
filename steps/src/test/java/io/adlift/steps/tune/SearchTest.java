package io.adlift.steps.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTest {

    private static final List<Parameter> SPACE = List.of(Parameter.ofFloat("x", -5, 5), Parameter.ofInt("n", 1, 10));

    /** A bowl with its minimum at x = 2, n = 7. */
    private static double bowl(Map<String, String> p) {
        double x = Double.parseDouble(p.get("x"));
        double n = Double.parseDouble(p.get("n"));
        return (x - 2) * (x - 2) + (n - 7) * (n - 7);
    }

    @Test
    void shouldRunTheTrialBudgetAndReportEachTrial() {
        List<Trial> told = new ArrayList<>();
        List<Trial> trials = new Search(new TpeSampler(3), SPACE, 30, null).run(SearchTest::bowl, told::add);

        assertThat(trials).hasSize(30).isEqualTo(told);
        assertThat(trials).extracting(Trial::number).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        Trial best = Search.best(trials).orElseThrow();
        assertThat(best.loss()).isEqualTo(trials.stream().mapToDouble(Trial::loss).min().orElseThrow());
        assertThat(best.loss()).isLessThan(2.0);
    }

    @Test
    void shouldBeReproducibleBySeed() {
        List<Trial> first = new Search(new TpeSampler(9), SPACE, 15, null).run(SearchTest::bowl, Search.TrialListener.NONE);
        List<Trial> second = new Search(new TpeSampler(9), SPACE, 15, null).run(SearchTest::bowl, Search.TrialListener.NONE);
        List<Trial> other = new Search(new TpeSampler(10), SPACE, 15, null).run(SearchTest::bowl, Search.TrialListener.NONE);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldStartNoTrialOnceTheTimeBudgetIsSpentButAlwaysRunTheFirst() {
        List<Trial> trials = new Search(new RandomSampler(1), SPACE, 100, Duration.ZERO).run(p -> {
            return bowl(p);
        }, Search.TrialListener.NONE);

        assertThat(trials).hasSize(1);
    }

    @Test
    void shouldSkipFailedTrialsWhenChoosingTheBest() {
        List<Trial> trials = List.of(new Trial(1, Map.of("x", "1"), Double.NaN), new Trial(2, Map.of("x", "2"), 3.0),
                new Trial(3, Map.of("x", "3"), 1.0), new Trial(4, Map.of("x", "4"), 1.0));

        assertThat(Search.best(trials)).get().extracting(Trial::number).isEqualTo(3);
        assertThat(Search.best(List.of(new Trial(1, Map.of(), Double.NaN)))).isEmpty();
    }

    @Test
    void shouldRunTheDefaultsOnceWhenNothingIsSearched() {
        List<Trial> trials = new Search(new TpeSampler(1), List.of(), 20, null).run(p -> 1.0, Search.TrialListener.NONE);

        assertThat(trials).hasSize(1).first().extracting(Trial::params).isEqualTo(Map.of());
    }
}
