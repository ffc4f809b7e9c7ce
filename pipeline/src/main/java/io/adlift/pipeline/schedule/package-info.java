/**
 * {@code adlift schedule}: a long-running scheduler with a cron expression per pipeline, one run per
 * pipeline at a time across processes, a misfire policy, and retries that restart a failed run.
 */
package io.adlift.pipeline.schedule;
