package io.adlift.pipeline.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adlift.schedule.<pipeline>.…}: when and on which files the scheduler runs each pipeline.
 *
 * @param pipelines the schedule of each pipeline, by pipeline name
 */
@ConfigurationProperties("adlift")
public record ScheduleProperties(Map<String, PipelineSchedule> schedule) {

    public ScheduleProperties {
        schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
    }

    /** What {@code adlift schedule} does when it starts after fire times it missed. */
    public enum Misfire {
        /** Forget missed fires; wait for the next one. */
        SKIP,
        /** Run every fire missed since the pipeline's last scheduled run, oldest first. */
        CATCH_UP
    }

    /**
     * @param cron             a Spring cron expression with seconds: {@code 0 0 6 * * *} is 06:00 daily
     * @param zone             the time zone of the cron expression and of business dates
     * @param input            the input file of each source; {@code {date}} is replaced by the business date
     * @param businessDateLag  the business date is the fire date minus this many days (1: yesterday's data)
     * @param misfire          {@code skip} or {@code catch-up}
     * @param retries          how many times a failed run is restarted
     * @param retryBackoff     the wait before the first retry; it doubles for each further one
     * @param maxRunTime       how long a run may hold the pipeline's lock if its process dies
     */
    public record PipelineSchedule(String cron, @DefaultValue("UTC") ZoneId zone, Map<String, String> input,
            @DefaultValue("0") int businessDateLag, @DefaultValue("skip") Misfire misfire,
            @DefaultValue("0") int retries, @DefaultValue("PT1M") Duration retryBackoff,
            @DefaultValue("PT6H") Duration maxRunTime) {
    }
}
