/**
 * Storage: Adlift's schema of its own (readied before the connection pool and Flyway, with an install of
 * the old layout in {@code public} moved into it, and the KPI tables published as views in the KPI
 * schema), the Flyway migrations for Spring Batch's and Adlift's tables, on PostgreSQL and H2 alike, and
 * the per-source staging and clean tables a pipeline definition implies.
 */
package io.adlift.pipeline.storage;
