package io.adlift.pipeline.tracking;

/**
 * The build that runs (its version, and its git commit when the build recorded one, with whether the
 * checkout had uncommitted changes) and the host it runs on.
 */
record BuildInfo(String version, String commit, boolean dirty, String host) {
}
