package io.adlift.steps.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Uniform draws on each parameter's search scale; trial n's values depend on the seed and n only. */
public final class RandomSampler implements Sampler {

    private final long seed;

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Map<String, String> next(List<Parameter> space, List<Trial> history) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + history.size());
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : space) {
            values.put(p.name(), p.valueAt(random.nextDouble()));
        }
        return values;
    }
}
