package io.adlift.pipeline.schedule;

import io.adlift.pipeline.job.RunRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One fire of a pipeline's schedule: its time, the business date it stands for, the run it asks for. */
record ScheduledFire(String pipeline, Instant at, ScheduleProperties.PipelineSchedule schedule) {

    LocalDate businessDate() {
        return at.atZone(schedule.zone()).toLocalDate().minusDays(schedule.businessDateLag());
    }

    RunRequest request() {
        Map<String, Path> inputs = new LinkedHashMap<>();
        String date = businessDate().toString();
        schedule.input().forEach((source, template) -> inputs.put(source, Path.of(template.replace("{date}", date))));
        return new RunRequest(pipeline, inputs, businessDate(), false, at);
    }
}
