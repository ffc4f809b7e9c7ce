package io.adlift.pipeline.serve.dashboard;

import io.adlift.pipeline.definition.Pipeline;
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
    private final RunHistory runs;

    DashboardController(ServedPipelines pipelines, DashboardQueries queries, RunHistory runs) {
        this.pipelines = pipelines;
        this.queries = queries;
        this.runs = runs;
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
        options.put("sources", chosen.sourceNames());
        options.putAll(queries.options(chosen));
        return new Dashboard(filter, options, queries.cards(chosen, filter), queries.charts(chosen, filter),
                queries.alerts(chosen, filter), runs.latest(chosen.name(), RUNS));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
