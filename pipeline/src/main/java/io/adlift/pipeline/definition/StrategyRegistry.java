package io.adlift.pipeline.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Named implementations of one kind of strategy (trainers, cleaning rules, …), looked up by the name a
 * pipeline definition gives. An unknown name is an error that lists the known ones.
 */
public final class StrategyRegistry<T> {

    private final String kind;
    private final Map<String, T> byName = new LinkedHashMap<>();

    public StrategyRegistry(String kind, List<T> strategies, Function<T, String> name) {
        this.kind = kind;
        for (T strategy : strategies) {
            T previous = byName.put(name.apply(strategy), strategy);
            if (previous != null) {
                throw new IllegalStateException("two " + kind + " strategies are named '" + name.apply(strategy) + "'");
            }
        }
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public T get(String name) {
        T strategy = byName.get(name);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; allowed: " + names());
        }
        return strategy;
    }
}
