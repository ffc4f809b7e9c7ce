package io.adlift.steps.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final List<Parameter> SPACE = List.of(
            Parameter.ofLogFloat("eta", 0.001, 1),
            Parameter.ofInt("max_depth", 2, 8),
            Parameter.ofFloat("subsample", 0.5, 1),
            Parameter.ofChoice("booster", List.of("gbtree", "gblinear")));

    /** A loss with its minimum at eta = 0.05, depth 4, subsample 0.8, gbtree. */
    private static final ToDoubleFunction<Map<String, String>> LOSS = p -> {
        double eta = Math.log10(Double.parseDouble(p.get("eta"))) - Math.log10(0.05);
        double depth = Integer.parseInt(p.get("max_depth")) - 4;
        double sub = Double.parseDouble(p.get("subsample")) - 0.8;
        return eta * eta + 0.1 * depth * depth + 4 * sub * sub + (p.get("booster").equals("gbtree") ? 0 : 1);
    };

    private static List<Trial> search(Sampler sampler, int trials) {
        List<Trial> history = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, String> params = sampler.next(SPACE, history);
            history.add(new Trial(n, params, LOSS.applyAsDouble(params)));
        }
        return history;
    }

    private static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(Trial::loss).min().orElseThrow();
    }

    @Test
    void shouldProposeTheSameTrialsForTheSameSeedAndOthersForAnother() {
        assertThat(search(new RandomSampler(7), 20)).isEqualTo(search(new RandomSampler(7), 20))
                .isNotEqualTo(search(new RandomSampler(8), 20));
        assertThat(search(new TpeSampler(7), 30)).isEqualTo(search(new TpeSampler(7), 30))
                .isNotEqualTo(search(new TpeSampler(8), 30));
    }

    @Test
    void shouldStayWithinEveryRangeAndCoverBothEndsOfAnIntegerRange() {
        Set<String> depths = new HashSet<>();
        for (Trial t : search(new RandomSampler(1), 200)) {
            double eta = Double.parseDouble(t.params().get("eta"));
            assertThat(eta).isBetween(0.001, 1.0);
            assertThat(Double.parseDouble(t.params().get("subsample"))).isBetween(0.5, 1.0);
            assertThat(t.params().get("booster")).isIn("gbtree", "gblinear");
            depths.add(t.params().get("max_depth"));
        }
        assertThat(depths).containsExactlyInAnyOrder("2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void shouldFindBetterParametersThanRandomDrawsWithTheSameBudget() {
        double tpe = 0;
        double random = 0;
        for (long seed = 1; seed <= 5; seed++) {
            tpe += best(search(new TpeSampler(seed), 60));
            random += best(search(new RandomSampler(seed), 60));
        }
        assertThat(tpe).isLessThan(random);
    }
}
