-- Which process runs each job execution, so that `adlift recover` can tell a run killed hard
-- (its process is gone) from one that is still running.
CREATE TABLE run_process (
    job_execution_id BIGINT       NOT NULL PRIMARY KEY,
    host             VARCHAR(255) NOT NULL,
    pid              BIGINT       NOT NULL,
    started_at       TIMESTAMP    NOT NULL
);
