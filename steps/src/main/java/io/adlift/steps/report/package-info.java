/**
 * A run's evaluation report: plots as PNG (drawn headless with XChart) and the figures as JSON and as
 * one self-contained HTML page that shows them.
 */
package io.adlift.steps.report;
