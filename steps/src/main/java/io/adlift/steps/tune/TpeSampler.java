package io.adlift.steps.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tree-structured Parzen estimator (Bergstra et al. 2011), each parameter on its own as Optuna's
 * default does: the trials are split into the best {@code gamma} share and the rest, each share's
 * values on the search scale make a mixture of Gaussians (plus a uniform prior), and of candidates
 * drawn from the good mixture the one with the highest good/bad density ratio is proposed. The first
 * {@code startupTrials} are random.
 */
public final class TpeSampler implements Sampler {

    private static final int CANDIDATES = 24;
    private static final double PRIOR_WEIGHT = 1.0;

    private final long seed;
    private final int startupTrials;
    private final double gamma;
    private final RandomSampler startup;

    public TpeSampler(long seed, int startupTrials, double gamma) {
        if (gamma <= 0 || gamma >= 1) {
            throw new IllegalArgumentException("gamma must be between 0 and 1, got " + gamma);
        }
        this.seed = seed;
        this.startupTrials = Math.max(1, startupTrials);
        this.gamma = gamma;
        this.startup = new RandomSampler(seed);
    }

    public TpeSampler(long seed) {
        this(seed, 10, 0.25);
    }

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public Map<String, String> next(List<Parameter> space, List<Trial> history) {
        List<Trial> finished = history.stream().filter(t -> Double.isFinite(t.loss())).toList();
        if (finished.size() < startupTrials) {
            return startup.next(space, history);
        }
        List<Trial> sorted = new ArrayList<>(finished);
        sorted.sort(Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::number));
        int goodCount = Math.max(1, (int) Math.ceil(gamma * sorted.size()));
        List<Trial> good = sorted.subList(0, goodCount);
        List<Trial> bad = sorted.subList(goodCount, sorted.size());
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + history.size());
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : space) {
            double[] goodPoints = positions(p, good);
            double[] badPoints = positions(p, bad);
            double best = Double.NaN;
            double bestRatio = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CANDIDATES; c++) {
                double x = draw(goodPoints, random);
                double ratio = Math.log(density(goodPoints, x)) - Math.log(density(badPoints, x));
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = x;
                }
            }
            values.put(p.name(), p.valueAt(best));
        }
        return values;
    }

    private static double[] positions(Parameter p, List<Trial> trials) {
        return trials.stream().filter(t -> t.params().containsKey(p.name()))
                .mapToDouble(t -> p.position(t.params().get(p.name()))).toArray();
    }

    /** A draw from the mixture: the prior with weight PRIOR_WEIGHT, else a kernel around a point. */
    private static double draw(double[] points, SplittableRandom random) {
        int pick = random.nextInt(points.length + 1);
        if (pick == points.length) {
            return random.nextDouble();
        }
        double sigma = bandwidth(points);
        for (int attempt = 0; attempt < 100; attempt++) {
            double x = points[pick] + sigma * gaussian(random);
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
        return Math.min(1, Math.max(0, points[pick]));
    }

    /** The mixture's density on [0, 1]: a uniform prior and a Gaussian kernel per point. */
    private static double density(double[] points, double x) {
        double sigma = bandwidth(points);
        double sum = PRIOR_WEIGHT;
        for (double p : points) {
            double z = (x - p) / sigma;
            sum += Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
        }
        return sum / (points.length + PRIOR_WEIGHT);
    }

    /** Scott's rule on the unit scale, kept within sensible bounds for few points. */
    private static double bandwidth(double[] points) {
        int n = Math.max(1, points.length);
        return Math.min(0.5, Math.max(0.02, Math.pow(n, -0.2) * 0.25));
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
