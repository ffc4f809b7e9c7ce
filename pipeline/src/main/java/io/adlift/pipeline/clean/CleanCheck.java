package io.adlift.pipeline.clean;

import java.util.List;

/**
 * One way a staged row can break a cleaning rule, as SQL on the row alias {@code s}: either a
 * condition on the row itself, or being a later duplicate of an earlier row on a key. Texts in the
 * reason are parameters, never literals, since they hold names from the definition.
 *
 * @param condition    true when the row breaks the check (row checks; null for duplicate checks)
 * @param duplicateKey the key columns, as SQL on {@code s} (duplicate checks; null for row checks)
 * @param column       the source column at fault, as recorded with the reject
 * @param reason       an SQL string expression giving the reason; in a duplicate check
 *                     {@value #FIRST_LINE} stands for the line of the row it duplicates
 */
public record CleanCheck(String condition, List<Object> conditionArgs, List<String> duplicateKey, String column,
        String reason, List<Object> reasonArgs) {

    public static final String FIRST_LINE = "{first_line}";

    public CleanCheck {
        conditionArgs = List.copyOf(conditionArgs);
        duplicateKey = duplicateKey == null ? null : List.copyOf(duplicateKey);
        reasonArgs = List.copyOf(reasonArgs);
    }

    static CleanCheck where(String condition, List<Object> conditionArgs, String column, String reason,
            List<Object> reasonArgs) {
        return new CleanCheck(condition, conditionArgs, null, column, reason, reasonArgs);
    }

    static CleanCheck duplicateOf(List<String> key, String column, String reason, List<Object> reasonArgs) {
        return new CleanCheck(null, List.of(), key, column, reason, reasonArgs);
    }

    boolean isDuplicateCheck() {
        return duplicateKey != null;
    }
}
