/**
 * Hyper-parameter search: a declared search space, seeded samplers (random, and a tree-structured
 * Parzen estimator that learns from earlier trials), and the folds of repeated k-fold cross-validation.
 */
package io.adlift.steps.tune;
