/**
 * Data generators: a pipeline's input files with the seed projects' distributions, deterministic by
 * seed (the same seed gives byte-identical files) and streamed, so memory does not grow with rows.
 */
package io.adlift.steps.generate;
