package io.adlift.steps.tune;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One searched parameter: an integer or float range (a log-float range is searched on the log scale,
 * as learning rates and regularisation want), or a choice among values.
 */
public record Parameter(String name, Kind kind, double low, double high, List<String> choices) {

    public enum Kind {
        INT, FLOAT, LOG_FLOAT, CHOICE
    }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs at least one value");
        }
        if (kind != Kind.CHOICE && !(low <= high)) {
            throw new IllegalArgumentException(name + ": low " + low + " must not exceed high " + high);
        }
        if (kind == Kind.LOG_FLOAT && low <= 0) {
            throw new IllegalArgumentException(name + ": a log-float range must be above 0, got low " + low);
        }
    }

    public static Parameter ofInt(String name, int low, int high) {
        return new Parameter(name, Kind.INT, low, high, null);
    }

    public static Parameter ofFloat(String name, double low, double high) {
        return new Parameter(name, Kind.FLOAT, low, high, null);
    }

    public static Parameter ofLogFloat(String name, double low, double high) {
        return new Parameter(name, Kind.LOG_FLOAT, low, high, null);
    }

    public static Parameter ofChoice(String name, List<String> choices) {
        return new Parameter(name, Kind.CHOICE, 0, 0, choices);
    }

    /**
     * A parameter as a definition declares it: {@code int}, {@code float} or {@code log-float} with its
     * two bounds, or {@code choice} with its values.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong
     */
    public static Parameter parse(String name, String kind, List<String> values) {
        List<String> given = values == null ? List.of() : values;
        if ("choice".equals(kind)) {
            return ofChoice(name, given);
        }
        Kind parsed = switch (kind == null ? "" : kind) {
            case "int" -> Kind.INT;
            case "float" -> Kind.FLOAT;
            case "log-float" -> Kind.LOG_FLOAT;
            default -> throw new IllegalArgumentException(name + ": unknown range kind '" + kind
                    + "'; use int, float, log-float or choice");
        };
        if (given.size() != 2) {
            throw new IllegalArgumentException(name + ": the " + kind + " range needs two bounds [low, high], got " + given);
        }
        double low;
        double high;
        try {
            low = Double.parseDouble(given.get(0).trim());
            high = Double.parseDouble(given.get(1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": bounds " + given + " are not numbers");
        }
        if (parsed == Kind.INT && (low != Math.rint(low) || high != Math.rint(high))) {
            throw new IllegalArgumentException(name + ": an int range needs whole bounds, got " + given);
        }
        return new Parameter(name, parsed, low, high, null);
    }

    /** The value at {@code u} in [0, 1] of the range's search scale (for a choice, the index's share). */
    String valueAt(double u) {
        double x = Math.min(1, Math.max(0, u));
        return switch (kind) {
            case INT -> Long.toString(Math.min((long) high, (long) Math.floor(low + x * (high - low + 1))));
            case FLOAT -> number(low + x * (high - low));
            case LOG_FLOAT -> number(Math.exp(Math.log(low) + x * (Math.log(high) - Math.log(low))));
            case CHOICE -> choices.get(Math.min(choices.size() - 1, (int) Math.floor(x * choices.size())));
        };
    }

    /** Where {@code value} lies on the search scale, in [0, 1]; the inverse of {@link #valueAt}. */
    double position(String value) {
        return switch (kind) {
            case INT -> high == low ? 0.5 : (Double.parseDouble(value) - low + 0.5) / (high - low + 1);
            case FLOAT -> high == low ? 0.5 : (Double.parseDouble(value) - low) / (high - low);
            case LOG_FLOAT -> high == low ? 0.5
                    : (Math.log(Double.parseDouble(value)) - Math.log(low)) / (Math.log(high) - Math.log(low));
            case CHOICE -> (choices.indexOf(value) + 0.5) / choices.size();
        };
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
