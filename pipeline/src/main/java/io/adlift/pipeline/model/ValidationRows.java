package io.adlift.pipeline.model;

import java.util.List;
import java.util.function.Function;

/**
 * The test rows training watches for its validation curve: at most {@value #MAX_ROWS}, evenly spread over them, so that
 * the watched matrix stays small beside the training one on a 10-million-row run; the curve is a picture, not a score.
 */
final class ValidationRows {

    static final int MAX_ROWS = 100_000;

    private ValidationRows() {
    }

    static List<Function<String, Object>> of(List<Function<String, Object>> test) {
        if (test.size() <= MAX_ROWS) {
            return test;
        }
        double stride = (double) test.size() / MAX_ROWS;
        return java.util.stream.IntStream.range(0, MAX_ROWS).mapToObj(i -> test.get((int) (i * stride))).toList();
    }
}
