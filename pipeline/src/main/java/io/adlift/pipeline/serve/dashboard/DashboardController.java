package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.serve.ServeProperties;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.adlift.pipeline.serve.ServedPipelines;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class DashboardController {

    private static final int RUNS = 20;

    private final ServedPipelines pipelines;
    private final DashboardQueries queries;
    private final InfluencerLift lift;
    private final PaybackChart payback;
    private final RunHistory runs;
    private final String currency;
    private final boolean uploads;

    DashboardController(ServedPipelines pipelines, DashboardQueries queries, InfluencerLift lift, PaybackChart payback,
            RunHistory runs, ServeProperties properties) {
        this.pipelines = pipelines;
        this.queries = queries;
        this.lift = lift;
        this.payback = payback;
        this.runs = runs;
        this.currency = properties.currency();
        this.uploads = properties.upload().enabled();
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(summary = "The dashboard's KPI cards, charts, alerts and run history for one filter",
            description = "Without a pipeline: the first defined one. Dates are business dates (YYYY-MM-DD), inclusive.")
    Dashboard dashboard(@RequestParam(required = false) String pipeline,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String campaign, @RequestParam(required = false) String segment) {
        Pipeline chosen = pipeline == null || pipeline.isBlank() ? pipelines.all().get(0) : pipelines.get(pipeline);
        DashboardFilter filter = new DashboardFilter(chosen.name(), from, to, blankToNull(campaign), blankToNull(segment));
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("pipelines", pipelines.all().stream().map(Pipeline::name).toList());
        // The designer offers these only: a KPI-only pipeline has nothing to predict with.
        options.put("modelled", pipelines.all().stream().filter(Pipeline::hasModel).map(Pipeline::name).toList());
        options.put("sources", chosen.sourceNames());
        options.putAll(queries.options(chosen));
        String set = chosen.steps().kpi().set();
        long[] rows = queries.rowCounts(chosen, filter);
        boolean revenue = KpiSource.of(set).map(s -> queries.hasRevenue(s, filter)).orElse(false);
        EmptyStates empty = new EmptyStates(chosen, rows[0], rows[1], revenue);
        Map<String, Dashboard.Chart> charts = queries.charts(chosen, filter);
        if (set.equals("session-attribution")) {
            payback.of(filter).ifPresent(c -> charts.put("payback", c));
        }
        long alertsTotal = queries.alertsTotal(chosen, filter);
        return new Dashboard(filter, options, currency, queries.cards(chosen, filter), queries.cardNotes(chosen),
                set.equals("influencer") ? lift.of(filter).orElse(null) : null, empty.explain(charts),
                queries.alerts(chosen, filter), alertsTotal, empty.notes(), empty.noAlerts(alertsTotal), uploads, runs.latest(chosen.name(), RUNS));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
