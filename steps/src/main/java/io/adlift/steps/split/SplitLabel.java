package io.adlift.steps.split;

/** Which part of the data a row belongs to; stored per row as the lower-case name. */
public enum SplitLabel {
    TRAIN, TEST;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
