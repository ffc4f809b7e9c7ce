package io.adlift.steps.split;

import java.util.List;

/** A split strategy: the label of one row, from the values of the row's key columns. */
public interface Splitter {

    SplitLabel label(List<?> keyValues);
}
