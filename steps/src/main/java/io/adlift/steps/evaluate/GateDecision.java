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

    /** Both decisions: passed when both passed; the reasons of the failed ones, or all when both passed. */
    public GateDecision and(GateDecision other) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (passed == other.passed) {
            reasons.addAll(this.reasons);
            reasons.addAll(other.reasons);
        } else {
            reasons.addAll(passed ? other.reasons : this.reasons);
        }
        return new GateDecision(passed && other.passed, reasons);
    }
}
