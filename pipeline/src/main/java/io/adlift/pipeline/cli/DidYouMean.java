package io.adlift.pipeline.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The known name closest to a mistyped one, when it is close enough to be what was meant. */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        // a third of the name may be wrong, at least two characters (a swap such as "rnu" for "run")
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, typed.length() / 3));
        String lower = typed.toLowerCase(Locale.ROOT);
        return known.stream()
                .map(k -> Map.entry(k, distance.apply(lower, k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() >= 0) // -1: farther than the limit
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** "; did you mean 'sessions'?" or nothing. */
    static String suffix(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }
}
