-- One row that every launch and restart of a run locks (SELECT … FOR UPDATE) from before it checks
-- whether the run's job instance is running until its new execution is recorded as started, so that
-- two processes launching the same run at the same moment cannot both create an execution.
CREATE TABLE launch_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO launch_lock (name) VALUES ('launch');
