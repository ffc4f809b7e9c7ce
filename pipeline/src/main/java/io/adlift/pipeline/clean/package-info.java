/**
 * The clean step: named cleaning rules applied set-based in SQL to a run's staged rows. A row that
 * breaks a rule is recorded in the reject table with its file, line, column and reason; the rest go
 * to the clean table.
 */
package io.adlift.pipeline.clean;
