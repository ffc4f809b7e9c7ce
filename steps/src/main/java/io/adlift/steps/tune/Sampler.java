package io.adlift.steps.tune;

import java.util.List;
import java.util.Map;

/** Proposes the next parameter values of a search from the trials so far. Seeded: the same seed and history give the same proposal. */
public interface Sampler {

    String name();

    Map<String, String> next(List<Parameter> space, List<Trial> history);
}
