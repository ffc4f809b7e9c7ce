package io.adlift.pipeline.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's staged rows of one source with, per row, the number (1-based) of the first check it breaks,
 * or NULL, in column {@value #BROKEN}: all rules in one scan of the staging table instead of one scan
 * per rule and column. Row checks are CASE branches in declaration order; a duplicate check ranks
 * rows by key in file order among the rows no earlier check broke, so a row rejected earlier never
 * counts as a first. Checks after a duplicate check wrap it, because their rows must still be able
 * to count as firsts there, as they did when every rule was a statement of its own.
 */
final class CheckedRows {

    static final String BROKEN = "broken";

    private final List<CleanCheck> checks;
    private final String sql;
    private final List<Object> args;

    /** The SELECT of {@code staging}'s rows of the job instance, each with its {@value #BROKEN} column. */
    CheckedRows(String staging, long jobInstanceId, List<CleanCheck> checks) {
        this.checks = List.copyOf(checks);
        String from = "(SELECT s.*, CAST(NULL AS INTEGER) AS " + BROKEN + "_0 FROM " + staging
                + " s WHERE s.job_instance_id = ?)";
        List<Object> fromArgs = new ArrayList<>(List.of(jobInstanceId));
        String broken = BROKEN + "_0";
        int stage = 0;
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i <= checks.size(); i++) {
            boolean duplicate = i < checks.size() && checks.get(i).isDuplicateCheck();
            if ((i == checks.size() || duplicate) && !pending.isEmpty()) {
                String next = BROKEN + "_" + ++stage;
                StringBuilder cases = new StringBuilder("CASE");
                List<Object> caseArgs = new ArrayList<>();
                for (int p : pending) {
                    cases.append(" WHEN (").append(checks.get(p).condition()).append(") THEN ").append(p + 1);
                    caseArgs.addAll(checks.get(p).conditionArgs());
                }
                from = "(SELECT s.*, COALESCE(s." + broken + ", " + cases + " END) AS " + next + " FROM " + from + " s)";
                caseArgs.addAll(fromArgs);
                fromArgs = caseArgs;
                broken = next;
                pending.clear();
            }
            if (duplicate) {
                String next = BROKEN + "_" + ++stage;
                String window = " OVER (PARTITION BY CASE WHEN s." + broken + " IS NULL THEN 0 ELSE 1 END, "
                        + String.join(", ", checks.get(i).duplicateKey()) + " ORDER BY s.source_file, s.source_line)";
                String ranked = "(SELECT s.*, ROW_NUMBER()" + window + " AS dup_rank_" + stage + ", FIRST_VALUE(s.source_line)"
                        + window + " AS " + firstLine(stage) + " FROM " + from + " s)";
                from = "(SELECT s.*, COALESCE(s." + broken + ", CASE WHEN s.dup_rank_" + stage + " > 1 THEN " + (i + 1)
                        + " END) AS " + next + " FROM " + ranked + " s)";
                broken = next;
            } else if (i < checks.size()) {
                pending.add(i);
            }
        }
        this.sql = "SELECT s.*, s." + broken + " AS " + BROKEN + " FROM " + from + " s";
        this.args = fromArgs;
    }

    String sql() {
        return sql;
    }

    List<Object> args() {
        return args;
    }

    /** SQL on alias {@code s} of this query naming the column at fault of a broken row, and its parameters. */
    String column(List<Object> columnArgs) {
        StringBuilder sql = new StringBuilder("CASE s." + BROKEN);
        for (int i = 0; i < checks.size(); i++) {
            sql.append(" WHEN ").append(i + 1).append(" THEN CAST(? AS VARCHAR(200))");
            columnArgs.add(checks.get(i).column());
        }
        return sql.append(" END").toString();
    }

    /** SQL on alias {@code s} of this query giving the reason a broken row is rejected, and its parameters. */
    String reason(List<Object> reasonArgs) {
        StringBuilder sql = new StringBuilder("CASE s." + BROKEN);
        int stage = 0;
        boolean rowChecksOpen = false;
        for (int i = 0; i < checks.size(); i++) {
            CleanCheck check = checks.get(i);
            // Stages are numbered as the constructor numbers them: one per run of row checks, one per duplicate check.
            if (check.isDuplicateCheck()) {
                stage += rowChecksOpen ? 2 : 1;
                rowChecksOpen = false;
            } else {
                rowChecksOpen = true;
            }
            String reason = check.reason().replace(CleanCheck.FIRST_LINE, "s." + firstLine(stage));
            sql.append(" WHEN ").append(i + 1).append(" THEN CAST(").append(reason).append(" AS VARCHAR(2000))");
            reasonArgs.addAll(check.reasonArgs());
        }
        return sql.append(" END").toString();
    }

    private static String firstLine(int stage) {
        return "first_line_" + stage;
    }
}
