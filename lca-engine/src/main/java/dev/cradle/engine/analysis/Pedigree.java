package dev.cradle.engine.analysis;

import dev.cradle.model.Uncertainty;

/**
 * The ecoinvent pedigree matrix: five data-quality scores (1 best … 5 worst) turned into the spread of
 * a lognormal distribution.
 *
 * <p>Each score adds a variance σ²ᵢ of ln X (ecoinvent v3 values; Weidema B.P. et al., <i>Overview and
 * methodology. Data quality guideline for the ecoinvent database version 3</i>, ecoinvent report 1 (v3),
 * 2013, table 10.5; the same numbers as the uncertainty factors exp(2σᵢ) = 1.05 … 2.00 of Ciroth et al.,
 * Int J LCA 21:1338, 2016, rounded):
 * <pre>
 *   score                          1      2         3        4        5
 *   reliability                    0      0.0006    0.002    0.008    0.04
 *   completeness                   0      0.0001    0.0006   0.002    0.008
 *   temporal correlation           0      0.0002    0.002    0.008    0.04
 *   geographical correlation       0      0.000025  0.0001   0.0006   0.002
 *   further technological corr.    0      0.0006    0.008    0.04     0.12
 * </pre>
 * The total is σ² = σ²_basic + Σ σ²ᵢ, where σ²_basic is the basic uncertainty of the exchange
 * (ecoinvent's table 10.4, e.g. 0.0006 for most energy demands, 0.12 for many emissions to air; given
 * by the caller); the geometric standard deviation is GSD = exp(σ) (ecoinvent prints GSD² as "SD95").
 *
 * @param reliability   1–5
 * @param completeness  1–5
 * @param temporal      temporal correlation, 1–5
 * @param geographical  geographical correlation, 1–5
 * @param technological further technological correlation, 1–5
 */
public record Pedigree(int reliability, int completeness, int temporal, int geographical, int technological) {
    private static final double[][] VARIANCE = {
        {0, 0.0006, 0.002, 0.008, 0.04},
        {0, 0.0001, 0.0006, 0.002, 0.008},
        {0, 0.0002, 0.002, 0.008, 0.04},
        {0, 0.000025, 0.0001, 0.0006, 0.002},
        {0, 0.0006, 0.008, 0.04, 0.12},
    };
    private static final String[] NAMES = {"reliability", "completeness", "temporal correlation",
        "geographical correlation", "further technological correlation"};

    public Pedigree {
        int[] s = {reliability, completeness, temporal, geographical, technological};
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 1 || s[i] > 5) {
                throw new IllegalArgumentException("pedigree: " + NAMES[i] + " score must be an integer from 1 to 5, got "
                        + s[i]);
            }
        }
    }

    /** Σ σ²ᵢ, the variance of ln X the five scores add (dimensionless). */
    public double addedVariance() {
        int[] s = {reliability, completeness, temporal, geographical, technological};
        double v = 0;
        for (int i = 0; i < s.length; i++) {
            v += VARIANCE[i][s[i] - 1];
        }
        return v;
    }

    /** GSD = exp(√(σ²_basic + Σ σ²ᵢ)); {@code basicVariance} ≥ 0 is the variance of ln X before the scores. */
    public double geometricSd(double basicVariance) {
        if (!(basicVariance >= 0) || !Double.isFinite(basicVariance)) {
            throw new IllegalArgumentException("pedigree: basic uncertainty (variance of ln X) must be a finite number >= 0, got "
                    + basicVariance);
        }
        return Math.exp(Math.sqrt(basicVariance + addedVariance()));
    }

    /**
     * The lognormal around {@code geometricMean} (> 0, the amount's unit) with {@link #geometricSd}, remembering these
     * scores and the basic variance as its provenance ({@link Uncertainty.LogNormal#pedigree()}).
     */
    public Uncertainty.LogNormal logNormal(double geometricMean, double basicVariance) {
        return new Uncertainty.LogNormal(geometricMean, geometricSd(basicVariance), new Uncertainty.PedigreeScores(
                reliability, completeness, temporal, geographical, technological, basicVariance));
    }
}
