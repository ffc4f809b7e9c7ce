/**
 * Split strategies: which rows train the model and which test it. A split is a label per row,
 * derived from the row's key and a seed, so it is reproducible and survives restarts.
 */
package io.adlift.steps.split;
