package io.adlift.steps.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * Whether the gate passed and why: the criteria that failed, or, when it passed, those that held.
 */
public record GateDecision(boolean passed, List<String> reasons) {

    public GateDecision {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons must not be null"));
    }
}
