package dev.cradle.scenario;

import dev.cradle.engine.analysis.ParameterDistribution;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Refuses, at load and before any analysis draws, a distribution whose draws leave the domain of a field it feeds
 * ({@code pue: {value: 1.1, uncertainty: {distribution: normal, mean: 1.1, sd: 0.2}}} puts Φ(−0.5) = 30.9 % of the
 * PUEs below 1). For every field that reads uncertain parameters ({@link FieldValues.CentralCheck} with a
 * {@link Domain}), the probability p that a draw of the field leaves its domain is found, and the distribution is
 * refused (a problem at the distribution, exit 2) when p exceeds {@link #MATERIAL}:
 * <ul>
 * <li><b>one uncertain parameter X</b> (others fixed): exact from X's CDF. X's range is cut at the quantiles
 *     u = 1e-16, 1/1024, 2/1024, …, 1 − 1e-16; each run of grid points where the field is outside is widened to its
 *     boundaries x* by bisection on x (to adjacent doubles) and p = Σ F(x*_hi) − F(x*_lo) (a run reaching the end of
 *     the grid reaches the end of the support). A discrete distribution's values are each checked: p = Σ pᵢ over
 *     the values outside. Exact whenever the field crosses its domain's boundary at most once between two grid
 *     points, always so when it is monotone in X;</li>
 * <li><b>several uncertain parameters</b>: each one's exact probability as above, the others at their central
 *     values; and the joint probability estimated from {@link #JOINT_DRAWS} seeded draws of all of them, refused when
 *     any of those draws leaves (the probability is then about 1/{@value #JOINT_DRAWS} or more; a joint tail thinner
 *     than that is not resolved).</li>
 * </ul>
 */
final class DrawDomains {
    /** A probability above this (one draw in a million, the largest analysis the docs time) is refused. */
    static final double MATERIAL = 1e-6;
    /** Draws of the joint estimate for a field reading several uncertain parameters. */
    static final int JOINT_DRAWS = 1 << 16;
    private static final int GRID = 1024;
    private static final double TAIL = 1e-16;
    private static final long SEED = 20_241_130L;

    /** The outcome for one field and the parameter(s) it reads: p, and the parameter's bound when there is one. */
    record Leak(double probability, String how, String bound) {
    }

    private final ParameterTable table;
    private final double[] central;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final Map<String, ParameterDistribution> uncertain = new LinkedHashMap<>();

    DrawDomains(List<Parameter> globals) {
        this.table = ParameterTable.compile(globals);
        this.central = table.evaluate();
        for (Parameter p : globals) {
            byName.put(p.name(), p);
            if (p.uncertainty() != null && p.amount() instanceof Amount.Constant) {
                uncertain.put(p.name(), ParameterDistribution.of(p.uncertainty()));
            }
        }
    }

    /**
     * The problems of the distributions that put more than {@link #MATERIAL} of a field's draws outside its domain,
     * at the distribution's position (the parameter's, when it has none of its own).
     */
    static List<Problem> run(Path file, List<Parameter> globals, List<FieldValues.CentralCheck> checks, SourceMap sources) {
        return run(file, globals, checks, sources, new ArrayList<>());
    }

    /**
     * As {@link #run(Path, List, List, SourceMap)}, adding to {@code kept} a warning for each field whose draws leave
     * its domain with a probability found above 0 but not above {@link #MATERIAL}: such draws are computed as drawn,
     * and the warning (shown by {@code run}, {@code validate} and in the reports) says how many to expect.
     */
    static List<Problem> run(Path file, List<Parameter> globals, List<FieldValues.CentralCheck> checks, SourceMap sources,
                             List<Problem> kept) {
        if (globals.stream().noneMatch(p -> p.uncertainty() != null)) {
            return List.of();
        }
        DrawDomains d = new DrawDomains(globals);
        List<Problem> out = new ArrayList<>();
        List<FieldValues.CentralCheck> all = new ArrayList<>(checks);
        for (Parameter p : globals) {
            if (p.uncertainty() != null && isLibraryFigure(p.name())) {
                Domain domain = libraryDomain(p.name());
                all.add(new FieldValues.CentralCheck(sources.locate("parameter:" + p.name(), 0),
                        new Expression.Variable(p.name(), 1), v -> "", domain,
                        "the library figure '" + p.name() + "' it replaces"));
            }
        }
        for (FieldValues.CentralCheck c : all) {
            if (!c.drawn()) {
                continue;
            }
            List<String> reads = d.uncertainParametersOf(c.value());
            if (reads.isEmpty()) {
                continue;
            }
            CompiledFormula f = d.compile(c.value());
            boolean refused = false;
            for (String name : reads) {
                Leak leak = d.oneAtATime(f, c.accepts(), c.domain() == Domain.COUNT, name);
                if (leak.probability() > MATERIAL) {
                    out.add(new Problem(file, d.at(sources, name), message(name, d.uncertain.get(name), c, leak)));
                    refused = true;
                } else if (leak.probability() > 0) {
                    kept.add(new Problem(file, d.at(sources, name), "the distribution of parameter '" + name + "' puts p = "
                            + String.format(Locale.ROOT, "%.3g", leak.probability()) + " of the draws of " + c.field()
                            + " (line " + c.at().line() + ", column " + c.at().column() + ") outside " + (c.domain() != null
                            ? "its domain" : "what it must be") + " (" + c.rule() + "); at most 1e-6, so kept: such a draw is computed as drawn (about " + String.format(Locale.ROOT,
                            "%.3g", leak.probability() * 1e6) + " in 1,000,000 draws)"));
                }
            }
            if (!refused && reads.size() > 1) {
                Leak joint = d.joint(f, c.accepts(), reads);
                if (joint.probability() > 0) {
                    out.add(new Problem(file, d.at(sources, reads.get(0)), message(String.join("', '", reads), null, c,
                            joint)));
                }
            }
        }
        return out;
    }

    /**
     * The problems of the library's own ranges (figures the AI rules made parameters, {@code libraryParameters})
     * whose draws leave the figure's domain, at the declaration the figure belongs to. A figure with a negative
     * central value (a credit) is not checked.
     */
    static List<Problem> libraryRanges(Path file, List<Parameter> library, SourceMap sources) {
        List<Parameter> ranged = library.stream().filter(p -> p.uncertainty() != null && p.amount() instanceof
                Amount.Constant c && c.value() >= 0).toList();
        if (ranged.isEmpty()) {
            return List.of();
        }
        DrawDomains d = new DrawDomains(ranged);
        List<Problem> out = new ArrayList<>();
        for (Parameter p : ranged) {
            Domain domain = libraryDomain(p.name());
            Leak leak = d.oneAtATime(d.compile(new Expression.Variable(p.name(), 1)), domain::accepts, false, p.name());
            if (leak.probability() > MATERIAL) {
                String[] parts = p.name().split("\\.");
                out.add(new Problem(file, sources.locate(parts[0] + ":" + parts[1], 0), "the library's range for '"
                        + p.name() + "', " + d.uncertain.get(p.name()) + ", puts " + percent(leak.probability())
                        + " of its draws outside its domain (" + domain.rule() + "): p = " + String.format(Locale.ROOT,
                        "%.6g", leak.probability()) + ", " + leak.how() + "; declare '" + p.name() + "' as a parameter of the scenario "
                        + "with a distribution inside the domain (" + fix(domain) + ")"));
            }
        }
        return out;
    }

    /** A figure the AI rules take from the library by this name ({@code hardware.gpus.embodied_gwp}). */
    static boolean isLibraryFigure(String name) {
        return (name.startsWith("hardware.") || name.startsWith("datacenter.")) && name.indexOf('.', 9) > 0;
    }

    /** A library figure's domain: a device's power is > 0; every other (embodied, masses, distances, GWP) ≥ 0. */
    static Domain libraryDomain(String name) {
        return name.endsWith(".power") ? Domain.POSITIVE : Domain.NON_NEGATIVE;
    }

    /** The field's expression compiled over the global parameters' slots. */
    CompiledFormula compile(Expression e) {
        return FormulaCompiler.compile(e.text(), e, table.resolverFor(null));
    }

    /** Where parameter {@code name}'s distribution is written (its declaration when not known). */
    private Position at(SourceMap sources, String name) {
        return sources.locate("parameter:" + name + "/uncertainty", 0);
    }

    /** The uncertain global parameters {@code e} reads, directly or through formula parameters, in declaration order. */
    List<String> uncertainParametersOf(Expression e) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(e.variables());
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (!seen.add(n)) {
                continue;
            }
            Parameter p = byName.get(n);
            if (p != null && p.amount() instanceof Amount.Formula fm) {
                todo.addAll(FormulaParser.parse(fm.expression()).variables());
            } else if (p != null && p.amount() instanceof Amount.Tree t) {
                todo.addAll(t.expression().variables());
            }
        }
        return uncertain.keySet().stream().filter(seen::contains).toList();
    }

    /** The field's value with parameter {@code slot} at {@code x}, every other parameter central. */
    private double field(CompiledFormula f, int slot, double x, double[] values) {
        System.arraycopy(central, 0, values, 0, central.length);
        values[slot] = x;
        table.evaluateInto(values);
        return f.evaluate(values);
    }

    /** The exact probability that the field leaves {@code domain} when only {@code name} varies. */
    Leak oneAtATime(CompiledFormula f, DoublePredicate domain, boolean wholeNumbers, String name) {
        ParameterDistribution dist = uncertain.get(name);
        int slot = table.globalSlot(name);
        double[] values = new double[central.length];
        double[] atoms = dist.atoms();
        if (atoms.length > 0) {
            double[] p = dist.atomProbabilities();
            double out = 0;
            List<String> outside = new ArrayList<>();
            for (int i = 0; i < atoms.length; i++) {
                if (p[i] > 0 && !domain.test(field(f, slot, atoms[i], values))) {
                    out += p[i];
                    outside.add(Messages.number(atoms[i]));
                }
            }
            return new Leak(out, "the sum of the probabilities of its values outside", outside.isEmpty() ? ""
                    : "drop or move the value" + (outside.size() > 1 ? "s " : " ") + String.join(", ", outside));
        }
        if (wholeNumbers) {
            return new Leak(1, "as a continuous distribution draws a whole number with probability 0", "");
        }
        // the grid of quantiles, with the central value (inside: the central check passed) in its place, so that a
        // domain narrower than the grid's spacing around it (shares that must sum to 1) is found
        double c = central[slot];
        double[] grid = new double[GRID + 2];
        int n = 0;
        for (int i = 0; i <= GRID; i++) {
            double u = i == 0 ? TAIL : i == GRID ? 1 - TAIL : (double) i / GRID;
            double xi = Math.max(dist.lowerBound(), Math.min(dist.upperBound(), dist.quantile(u)));
            if (n > 0 && grid[n - 1] < c && c < xi) {
                grid[n++] = c;
            }
            grid[n++] = xi;
        }
        double[] x = java.util.Arrays.copyOf(grid, n);
        final int last = n - 1;
        boolean[] in = new boolean[n];
        for (int i = 0; i < n; i++) {
            in[i] = domain.test(field(f, slot, x[i], values));
        }
        double p = 0;
        List<String> bounds = new ArrayList<>();
        int i = 0;
        while (i <= last) {
            if (in[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 <= last && !in[j + 1]) {
                j++;
            }
            double lo = i == 0 ? Double.NEGATIVE_INFINITY : boundary(f, domain, slot, x[i - 1], x[i], values);
            double hi = j == last ? Double.POSITIVE_INFINITY : boundary(f, domain, slot, x[j + 1], x[j], values);
            p += (j == last ? 1 : dist.cumulativeProbability(hi)) - (i == 0 ? 0 : dist.cumulativeProbability(lo));
            // a bisected boundary at 0 lands on a tiny double (-6.3e-62): shown as 0 below 1e-9 of the grid's span
            double span = Math.abs(x[last] - x[0]);
            String shownLo = Double.isFinite(lo) ? Messages.number(Math.abs(lo) < 1e-9 * span ? 0 : lo) : "";
            String shownHi = Double.isFinite(hi) ? Messages.number(Math.abs(hi) < 1e-9 * span ? 0 : hi) : "";
            if (i == 0 && j < last) {
                bounds.add("keep '" + name + "' above " + shownHi);
            } else if (j == last && i > 0) {
                bounds.add("keep '" + name + "' below " + shownLo);
            } else if (i == 0) {
                bounds.add("every value of '" + name + "' is outside");
            } else {
                bounds.add("keep '" + name + "' out of " + shownLo + " to " + shownHi);
            }
            i = j + 1;
        }
        return new Leak(Math.min(1, Math.max(0, p)), "from the CDF of its distribution",
                String.join("; ", bounds.subList(0, Math.min(3, bounds.size()))));
    }

    /** The point between {@code inside} and {@code outside} where the field leaves its domain (adjacent doubles). */
    private double boundary(CompiledFormula f, DoublePredicate domain, int slot, double inside, double outside, double[] values) {
        double a = inside;
        double b = outside;
        for (int k = 0; k < 200; k++) {
            double m = a + (b - a) / 2;
            if (m == a || m == b) {
                break;
            }
            if (domain.test(field(f, slot, m, values))) {
                a = m;
            } else {
                b = m;
            }
        }
        return b;
    }

    /** The share of {@link #JOINT_DRAWS} seeded joint draws of {@code names} whose field leaves {@code domain}. */
    Leak joint(CompiledFormula f, DoublePredicate domain, List<String> names) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(SEED);
        int[] slots = names.stream().mapToInt(table::globalSlot).toArray();
        java.util.function.DoubleSupplier[] samplers = names.stream().map(n -> uncertain.get(n).sampler(rng))
                .toArray(java.util.function.DoubleSupplier[]::new);
        double[] values = new double[central.length];
        int out = 0;
        for (int k = 0; k < JOINT_DRAWS; k++) {
            System.arraycopy(central, 0, values, 0, central.length);
            for (int j = 0; j < slots.length; j++) {
                values[slots[j]] = samplers[j].getAsDouble();
            }
            table.evaluateInto(values);
            if (!domain.test(f.evaluate(values))) {
                out++;
            }
        }
        return new Leak((double) out / JOINT_DRAWS, out + " of " + JOINT_DRAWS + " seeded joint draws", "");
    }

    /** The problem: which distribution, which field, its domain, the probability, what would be right. */
    static String message(String name, ParameterDistribution dist, FieldValues.CentralCheck c, Leak leak) {
        String share = percent(leak.probability());
        String what = dist == null ? "the distributions of parameters '" + name + "' together put"
                : "the distribution of parameter '" + name + "', " + dist + ", puts";
        return what + " " + share + " of the draws of " + c.field() + " (line " + c.at().line() + ", column " + c.at().column()
                + ") outside " + (c.domain() != null ? "its domain" : "what it must be") + " (" + c.rule() + "): p = " + String.format(Locale.ROOT, "%.6g",
                leak.probability()) + ", " + leak.how() + "; a probability above 1e-6 is refused, as each such draw "
                + "would be a wrong number. " + (leak.bound().isEmpty() ? "" : "To fix it, "
                + leak.bound() + ": ") + c.fix();
    }

    private static String percent(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.1f %%", 100 * p) : String.format(Locale.ROOT, "%.2g", p);
    }

    /** Distributions that stay inside {@code d}. */
    static String fix(Domain d) {
        return switch (d) {
            case POSITIVE, NON_NEGATIVE -> "give a lognormal (always > 0), or a triangular, PERT or uniform whose min is "
                    + (d == Domain.POSITIVE ? "above 0" : "0 or more");
            case AT_LEAST_ONE -> "give a triangular, PERT or uniform whose min is 1 or more, or write the field as 1 plus "
                    + "a parameter with a lognormal (e.g. 'pue: 1 + pue_overhead')";
            case FRACTION, SHARE -> "give a triangular, PERT or uniform whose min and max lie " + d.rule();
            case COUNT -> "give a discrete distribution over whole numbers from 1 (e.g. {distribution: discrete, "
                    + "values: [4, 8], probabilities: [0.5, 0.5]})";
            case ANY -> "give a distribution with finite draws";
        };
    }
}
