package io.adlift.steps.split;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Assigns a row to the test part when the seeded 64-bit MurmurHash3 of its key falls in the lowest
 * {@code testFraction} of the hash range. The same key, seed and fraction always give the same label,
 * whatever the row order, the database or the run: reruns and restarts split identically.
 */
public final class HashSplitter implements Splitter {

    private final int seed;
    private final double testFraction;

    public HashSplitter(long seed, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        this.seed = Long.hashCode(seed);
        this.testFraction = testFraction;
    }

    @Override
    public SplitLabel label(List<?> keyValues) {
        byte[] key = String.join("\u001f", keyValues.stream().map(String::valueOf).toList())
                .getBytes(StandardCharsets.UTF_8);
        long hash = MurmurHash3.hash128x64(key, 0, key.length, seed)[0];
        // Map the unsigned 64-bit hash onto [0, 1).
        double position = (hash >>> 11) * 0x1.0p-53;
        return position < testFraction ? SplitLabel.TEST : SplitLabel.TRAIN;
    }
}
