package io.adlift.pipeline.kpi;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which run wrote a date's KPI rows, so that a run can tell when its figures were replaced since. */
@Component
public class KpiLineage {

    private final JdbcTemplate jdbc;

    KpiLineage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the date's campaign KPIs were last written by a run other than job instance {@code instanceId}. */
    public boolean replacedByAnotherRun(String pipeline, LocalDate businessDate, long instanceId) {
        Long others = jdbc.queryForObject("SELECT COUNT(*) FROM kpi_campaign k JOIN batch_job_execution e "
                + "ON e.job_execution_id = k.job_execution_id WHERE k.pipeline = ? AND k.business_date = ? "
                + "AND e.job_instance_id <> ?", Long.class, pipeline, Date.valueOf(businessDate), instanceId);
        return others != null && others > 0;
    }
}
