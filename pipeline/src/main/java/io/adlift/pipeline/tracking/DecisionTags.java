package io.adlift.pipeline.tracking;

import io.adlift.steps.evaluate.GateDecision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deploy decision as tags of the run, so that MLflow's run page and a search ({@code tags.adlift.decision =
 * 'not_deployed'}) say what the CLI says: made from the same gate result deploy records in its deployment table.
 * <ul>
 * <li>{@code adlift.decision}: {@code deployed} or {@code not_deployed};</li>
 * <li>{@code adlift.decision.reason}: the criteria that refused (with their figures), or why it was deployed;</li>
 * <li>{@code adlift.gate}: {@code passed} or {@code refused}, and {@code adlift.gate_reasons}: every criterion's
 * figure against its bound (all that held, or those that refused); both named as on the model version.</li>
 * </ul>
 */
public final class DecisionTags {

    public static final String DECISION = "adlift.decision";
    public static final String REASON = "adlift.decision.reason";
    public static final String GATE = "adlift.gate";
    public static final String GATE_REASONS = "adlift.gate_reasons";

    private DecisionTags() {
    }

    /** The tags of {@code gate}'s result, {@code deployed} being whether deploy deployed the model all the same. */
    public static Map<String, String> of(GateDecision gate, boolean deployed) {
        String reasons = String.join("; ", gate.reasons());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DECISION, deployed ? "deployed" : "not_deployed");
        tags.put(REASON, !deployed ? reasons
                : gate.passed() ? "gate passed: " + reasons
                : "deployed although the gate refused (allow-non-validated): " + reasons);
        tags.put(GATE, gate.passed() ? "passed" : "refused");
        tags.put(GATE_REASONS, reasons);
        return tags;
    }
}
