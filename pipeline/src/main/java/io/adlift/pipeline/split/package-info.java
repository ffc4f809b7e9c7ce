/** The split step: a split label stored on every clean row, by a named split strategy. */
package io.adlift.pipeline.split;
