/**
 * Hooks for the benchmark ({@code bench/run}), off unless asked for: they measure, they never change
 * what a run computes.
 */
package io.adlift.pipeline.bench;
