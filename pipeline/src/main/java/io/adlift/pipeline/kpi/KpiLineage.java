package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.PipelineCatalog;
import io.adlift.pipeline.definition.StrategyRegistry;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which run wrote a date's KPI rows, so that a run can tell when its figures were replaced since. */
@Component
public class KpiLineage {

    private final JdbcTemplate jdbc;
    private final PipelineCatalog catalog;
    private final StrategyRegistry<KpiSet> sets;

    KpiLineage(JdbcTemplate jdbc, PipelineCatalog catalog, StrategyRegistry<KpiSet> kpiSets) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.sets = kpiSets;
    }

    /** True when the date's KPIs were last written by a run other than job instance {@code instanceId}. */
    public boolean replacedByAnotherRun(String pipeline, LocalDate businessDate, long instanceId) {
        var kpi = catalog.get(pipeline).steps().kpi();
        if (kpi == null) {
            return false;
        }
        String table = sets.get(kpi.set()).tables().get(0);
        Long others = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " k JOIN batch_job_execution e "
                + "ON e.job_execution_id = k.job_execution_id WHERE k.pipeline = ? AND k.business_date = ? "
                + "AND e.job_instance_id <> ?", Long.class, pipeline, Date.valueOf(businessDate), instanceId);
        return others != null && others > 0;
    }
}
