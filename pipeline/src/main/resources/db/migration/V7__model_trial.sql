-- Every trial of a run's hyper-parameter search: the candidate model, its params (JSON), the primary
-- metric's mean and standard deviation over the folds (and each fold's value, JSON), the boosting rounds
-- early stopping kept, the time taken, and the error when XGBoost refused the params.
CREATE TABLE model_trial (
    pipeline VARCHAR(100) NOT NULL,
    job_instance_id BIGINT NOT NULL,
    trial INT NOT NULL,
    candidate VARCHAR(100) NOT NULL,
    params VARCHAR(4000) NOT NULL,
    metric VARCHAR(50) NOT NULL,
    cv_mean DOUBLE PRECISION,
    cv_std DOUBLE PRECISION,
    fold_scores VARCHAR(4000),
    rounds INT NOT NULL,
    seconds DOUBLE PRECISION NOT NULL,
    chosen BOOLEAN NOT NULL,
    error VARCHAR(4000),
    job_execution_id BIGINT NOT NULL,
    mlflow_run_id VARCHAR(64),
    PRIMARY KEY (job_instance_id, trial)
);
