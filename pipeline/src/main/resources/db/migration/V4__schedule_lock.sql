-- ShedLock's lock table: one row per pipeline being run by `adlift schedule`, so that only one
-- scheduler process runs a pipeline at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
