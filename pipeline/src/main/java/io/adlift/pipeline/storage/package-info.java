/**
 * Storage: the schema (Flyway migrations for Spring Batch's and Adlift's tables, on PostgreSQL and
 * H2 alike) and the per-source staging and clean tables a pipeline definition implies.
 */
package io.adlift.pipeline.storage;
