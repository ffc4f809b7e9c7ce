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
            // Newest instances first; each has at least one execution, so `limit` instances always suffice.
            for (JobInstance instance : repository.getJobInstances(job, 0, Math.max(limit, 1))) {
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

    /** The executions of {@code execution}'s job instance, oldest first: the run and its restarts. */
    List<JobExecution> lineage(JobExecution execution) {
        List<JobExecution> all = new ArrayList<>(repository.getJobExecutions(execution.getJobInstance()));
        all.sort(Comparator.comparing(JobExecution::getId));
        return all;
    }

    boolean isLatestOfItsInstance(JobExecution execution) {
        List<JobExecution> all = lineage(execution);
        return all.get(all.size() - 1).getId() == execution.getId();
    }

    /** The execution with its step executions and their contexts loaded. */
    JobExecution full(JobExecution execution) {
        JobExecution loaded = repository.getJobExecution(execution.getId());
        return loaded == null ? execution : loaded;
    }
}
