package io.adlift.pipeline.tracking;

/** The build that runs (its version, and its git commit when the build recorded one) and the host it runs on. */
record BuildInfo(String version, String commit, String host) {
}
