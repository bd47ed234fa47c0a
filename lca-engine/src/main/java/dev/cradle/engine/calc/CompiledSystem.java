package dev.cradle.engine.calc;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.matrix.SparseMatrixTemplate;
import dev.cradle.model.Expression;
import dev.cradle.model.ProductSystem;
import java.util.function.ToIntFunction;

/**
 * A product system compiled once: indices, the fixed sparsity patterns of A and B, and one compiled
 * term per matrix entry. {@link #matrices(double[])} evaluates every term for a parameter vector
 * and assembles A, B, C and f without re-parsing or re-linking anything.
 */
public final class CompiledSystem {
    /**
     * One exchange's contribution to a matrix cell:
     * {@code value = multiplier × amount(params) × allocation(params)}.
     *
     * @param constant   true when the value cannot depend on the parameters (a number as amount, no allocation)
     * @param expression the amount's expression (null when not known), with {@code scope} resolving its names to
     *                   the slots {@code amount} was compiled with: lets {@link FlatArithmetic} take plain arithmetic
     */
    record Term(int slot, double multiplier, CompiledFormula amount, CompiledFormula allocation, boolean constant,
                Expression expression, ToIntFunction<String> scope) {
        Term(int slot, double multiplier, CompiledFormula amount, CompiledFormula allocation) {
            this(slot, multiplier, amount, allocation, false, null, null);
        }

        double value(double[] p) {
            double v = multiplier * amount.evaluate(p);
            return allocation == null ? v : v * allocation.evaluate(p);
        }
    }

    /**
     * The terms of one matrix as flat arrays for the per-vector loops ({@link #technosphereValues},
     * {@link #interventionValues}): the values of the slots whose every term is constant, computed once
     * ({@code base}, 0 at the other slots), and the terms of the other slots in their original order, so each
     * slot's sum is formed exactly as {@link #matrices(double[])} forms it (0, then each term added in order).
     */
    private static final class FlatTerms {
        private final double[] base;
        private final int[] variableSlots;
        private final int[] slot;
        private final double[] multiplier;
        private final CompiledFormula[] amount;
        private final CompiledFormula[] allocation;
        /** The amounts of plain arithmetic as one program; amountRegister[i] ≥ 0 where term i's amount lands. */
        private final FlatArithmetic arithmetic;
        private final int[] amountRegister;

        FlatTerms(Term[] terms, int nonZeros) {
            boolean[] variable = new boolean[nonZeros];
            for (Term t : terms) {
                variable[t.slot()] |= !t.constant();
            }
            base = new double[nonZeros];
            double[] none = new double[0];
            int count = 0;
            for (Term t : terms) {
                if (variable[t.slot()]) {
                    count++;
                } else {
                    base[t.slot()] += t.value(none);
                }
            }
            variableSlots = java.util.stream.IntStream.range(0, nonZeros).filter(s -> variable[s]).toArray();
            slot = new int[count];
            multiplier = new double[count];
            amount = new CompiledFormula[count];
            allocation = new CompiledFormula[count];
            int[] handle = new int[count];
            FlatArithmetic.Builder program = new FlatArithmetic.Builder();
            int i = 0;
            for (Term t : terms) {
                if (variable[t.slot()]) {
                    slot[i] = t.slot();
                    multiplier[i] = t.multiplier();
                    amount[i] = t.amount();
                    allocation[i] = t.allocation();
                    handle[i++] = t.expression() == null ? -1 : program.add(t.expression(), t.scope());
                }
            }
            FlatArithmetic.Program built = program.build();
            arithmetic = built.arithmetic();
            amountRegister = new int[count];
            for (int k = 0; k < count; k++) {
                amountRegister[k] = handle[k] < 0 ? -1 : built.register().applyAsInt(handle[k]);
            }
        }

        /** Registers for {@link #valuesInto(double[], double[], double[])}; one per thread. */
        double[] newRegisters() {
            return arithmetic.newRegisters();
        }

        void valuesInto(double[] params, double[] into, double[] registers) {
            arithmetic.run(params, registers);
            System.arraycopy(base, 0, into, 0, base.length);
            for (int s : variableSlots) {
                into[s] = 0;
            }
            for (int i = 0; i < slot.length; i++) {
                int r = amountRegister[i];
                double v = multiplier[i] * (r >= 0 ? registers[r] : amount[i].evaluate(params));
                CompiledFormula f = allocation[i];
                into[slot[i]] += f == null ? v : v * f.evaluate(params);
            }
        }
    }

    private final ProductSystem system;
    private final ParameterTable parameters;
    private final TechIndex techIndex;
    private final FlowIndex flowIndex;
    private final ImpactIndex impactIndex;
    private final SparseMatrixTemplate aPattern;
    private final SparseMatrixTemplate bPattern;
    private final Term[] aTerms;
    private final Term[] bTerms;
    private final double[][] characterisation;
    private final int referenceColumn;
    private final double demandMultiplier;
    private final CompiledFormula demandAmount;
    private final FlatTerms aFlat;
    private final FlatTerms bFlat;

    CompiledSystem(ProductSystem system, ParameterTable parameters, TechIndex techIndex, FlowIndex flowIndex,
                   ImpactIndex impactIndex, SparseMatrixTemplate aPattern, SparseMatrixTemplate bPattern,
                   Term[] aTerms, Term[] bTerms, double[][] characterisation, int referenceColumn,
                   double demandMultiplier, CompiledFormula demandAmount) {
        this.system = system;
        this.parameters = parameters;
        this.techIndex = techIndex;
        this.flowIndex = flowIndex;
        this.impactIndex = impactIndex;
        this.aPattern = aPattern;
        this.bPattern = bPattern;
        this.aTerms = aTerms;
        this.bTerms = bTerms;
        this.characterisation = characterisation;
        this.referenceColumn = referenceColumn;
        this.demandMultiplier = demandMultiplier;
        this.demandAmount = demandAmount;
        this.aFlat = new FlatTerms(aTerms, aPattern.nonZeros());
        this.bFlat = new FlatTerms(bTerms, bPattern.nonZeros());
    }

    public ProductSystem system() {
        return system;
    }

    public ParameterTable parameters() {
        return parameters;
    }

    public TechIndex techIndex() {
        return techIndex;
    }

    public FlowIndex flowIndex() {
        return flowIndex;
    }

    public ImpactIndex impactIndex() {
        return impactIndex;
    }

    public int referenceColumn() {
        return referenceColumn;
    }

    /** A, B, C and f for the given parameter values (as laid out by {@link #parameters()}). */
    public MatrixData matrices(double[] params) {
        double[] a = new double[aPattern.nonZeros()];
        for (Term t : aTerms) {
            a[t.slot()] += t.value(params);
        }
        double[] b = new double[bPattern.nonZeros()];
        for (Term t : bTerms) {
            b[t.slot()] += t.value(params);
        }
        double[] f = new double[techIndex.size()];
        f[referenceColumn] = demandMultiplier * demandAmount.evaluate(params);
        double[][] c = new double[characterisation.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = characterisation[k].clone();
        }
        return new MatrixData(aPattern.fill(a), bPattern.fill(b), c, f);
    }

    /** The non-zero pattern of the technosphere A (slot order of {@link #technosphereValues}). */
    public SparseMatrixTemplate technospherePattern() {
        return aPattern;
    }

    /** The non-zero pattern of the interventions B (slot order of {@link #interventionValues}). */
    public SparseMatrixTemplate interventionPattern() {
        return bPattern;
    }

    /**
     * Writes A's value per non-zero slot for {@code params} into {@code into} (length {@code nonZeros()}),
     * without allocating: the numbers {@link #matrices(double[])} puts into A, for loops over many vectors.
     */
    public void technosphereValues(double[] params, double[] into) {
        aFlat.valuesInto(params, into, aFlat.newRegisters());
    }

    /**
     * As {@link #technosphereValues(double[], double[])} with {@code work} from {@link #newWork()} (one per thread),
     * allocating nothing.
     */
    public void technosphereValues(double[] params, double[] into, Work work) {
        aFlat.valuesInto(params, into, work.a);
    }

    /** Scratch space for the matrix values of one thread ({@link #technosphereValues(double[], double[], Work)}). */
    public static final class Work {
        private final double[] a;
        private final double[] b;

        private Work(double[] a, double[] b) {
            this.a = a;
            this.b = b;
        }
    }

    /** Scratch space for one thread's calls of the matrix-value methods. */
    public Work newWork() {
        return new Work(aFlat.newRegisters(), bFlat.newRegisters());
    }

    /** B's value per non-zero slot for {@code params}, as {@link #technosphereValues} does for A. */
    public void interventionValues(double[] params, double[] into) {
        bFlat.valuesInto(params, into, bFlat.newRegisters());
    }

    /** As {@link #interventionValues(double[], double[])} with one thread's {@code work}, allocating nothing. */
    public void interventionValues(double[] params, double[] into, Work work) {
        bFlat.valuesInto(params, into, work.b);
    }

    /** C (indicators × elementary flows), a copy. */
    public double[][] characterisation() {
        double[][] c = new double[characterisation.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = characterisation[k].clone();
        }
        return c;
    }

    /** The matrices at the parameters' declared values. */
    public MatrixData matrices() {
        return matrices(parameters.evaluate());
    }
}
