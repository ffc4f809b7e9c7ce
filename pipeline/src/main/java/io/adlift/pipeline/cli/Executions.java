package io.adlift.pipeline.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** Finds job executions of Adlift's jobs in the job repository, newest first. */
@Component
class Executions {

    private final JobRepository repository;

    Executions(JobRepository repository) {
        this.repository = repository;
    }

    List<JobExecution> recent(String pipeline, int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, Math.max(limit, 1) * 4)) {
                for (JobExecution execution : repository.getJobExecutions(instance)) {
                    if (pipeline == null || pipeline.equals(execution.getJobParameters().getString("pipeline"))) {
                        executions.add(execution);
                    }
                }
            }
        }
        executions.sort(Comparator.comparing(JobExecution::getId).reversed());
        return executions.size() > limit ? executions.subList(0, limit) : executions;
    }

    JobExecution byId(long id) {
        JobExecution execution = repository.getJobExecution(id);
        if (execution == null) {
            throw new io.adlift.pipeline.definition.DefinitionException(List.of("no run with execution id " + id
                    + "; see 'adlift runs'"));
        }
        return execution;
    }
}
