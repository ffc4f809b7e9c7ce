package io.adlift.pipeline.kpi;

import io.adlift.pipeline.definition.SourceNeeds;
import java.util.List;

/**
 * A set of KPI tables for one data model, named in a definition's {@code steps.kpi.set}. Each writes
 * its tables for the run's business date, replacing that date's rows, and says what it reads so that a
 * definition lacking a column fails at start-up.
 */
public interface KpiSet {

    String name();

    /** The sources and columns it reads; empty when the definition maps them itself. */
    SourceNeeds needs();

    /** The tables it writes, the first being the one that tells which run wrote a date's KPIs. */
    List<String> tables();

    /** Writes the tables for {@code run}; returns the rows written per table. */
    java.util.Map<String, Integer> write(KpiRun run);
}
