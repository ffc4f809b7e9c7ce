/**
 * {@code adlift serve}: the web application. Predictions from the deployed champion ({@code predict}), the
 * KPI dashboard ({@code dashboard}) and custom data uploads that launch runs ({@code upload}), with their
 * settings under {@code adlift.serve}.
 */
package io.adlift.pipeline.serve;
