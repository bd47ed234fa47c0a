package dev.cradle.engine.calc;

import dev.cradle.model.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Many amounts of plain arithmetic (numbers, parameters, unary minus, {@code + − × ÷ ^}) compiled into one
 * straight-line register program, run by one loop over primitive arrays: no per-formula objects and no virtual
 * call per operation, which is what a system's matrix terms cost when each is its own tree of lambdas. Every
 * operation is the one the formula compiler's tree performs, on the same operands in the same order
 * (sub-expressions without parameters folded the same way, left operand first), so each value is the same
 * double, bit for bit; identical sub-expressions are computed once. Anything else (functions, comparisons,
 * {@code if}) is not taken: {@link Builder#add} returns −1 and the caller keeps the compiled formula.
 *
 * <p>Registers: the constants first (set once in {@link #newRegisters()}), then the parameter slots read (copied
 * from the parameter vector by {@link #run}), then one per operation.
 */
final class FlatArithmetic {
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int NEG = 4;
    static final int POW = 5;

    /** Deepest formula taken (deeper ones keep their compiled form, which evaluates them without recursion). */
    static final int MAX_DEPTH = 32;

    private final double[] constants;
    private final int[] parameterSlots;
    private final int[] op;
    private final int[] x;
    private final int[] y;
    private final int registers;

    private FlatArithmetic(double[] constants, int[] parameterSlots, int[] op, int[] x, int[] y) {
        this.constants = constants;
        this.parameterSlots = parameterSlots;
        this.op = op;
        this.x = x;
        this.y = y;
        this.registers = constants.length + parameterSlots.length + op.length;
    }

    /** True when the program has no operation and reads no parameter (nothing to run). */
    boolean isEmpty() {
        return op.length == 0 && parameterSlots.length == 0;
    }

    /** A register file for {@link #run}, with the constants in place; one per thread. */
    double[] newRegisters() {
        double[] r = new double[registers];
        System.arraycopy(constants, 0, r, 0, constants.length);
        return r;
    }

    /** Computes every register for the parameter vector {@code params}. */
    void run(double[] params, double[] r) {
        int base = constants.length;
        for (int i = 0; i < parameterSlots.length; i++) {
            r[base + i] = params[parameterSlots[i]];
        }
        int out = base + parameterSlots.length;
        for (int k = 0; k < op.length; k++) {
            double a = r[x[k]];
            double b = r[y[k]];
            double v;
            switch (op[k]) {
                case ADD -> v = a + b;
                case SUB -> v = a - b;
                case MUL -> v = a * b;
                case DIV -> v = a / b;
                case NEG -> v = -a;
                default -> v = Math.pow(a, b);
            }
            r[out + k] = v;
        }
    }

    /** Collects formulas into one program. */
    static final class Builder {
        private final Map<Long, Integer> constantIndex = new LinkedHashMap<>();
        private final Map<Integer, Integer> slotIndex = new LinkedHashMap<>();
        private final List<int[]> ops = new ArrayList<>();
        private final Map<List<Integer>, Integer> seen = new HashMap<>();
        private final List<int[]> operandRefs = new ArrayList<>();

        /**
         * Adds {@code e}, its names resolved by {@code scope}; returns a handle (≥ 0) for {@link Program#register}, or −1
         * when {@code e} is not plain arithmetic (or too deep), in which case nothing is added.
         */
        int add(Expression e, ToIntFunction<String> scope) {
            if (e == null || depth(e, 0) > MAX_DEPTH || !plain(e, scope)) {
                return -1;
            }
            results.add(emit(e, scope));
            return results.size() - 1;
        }

        /** Per handle (the index), the encoded operand holding the formula's value. */
        private final List<Integer> results = new ArrayList<>();

        private static int depth(Expression e, int d) {
            if (d > MAX_DEPTH) {
                return d;
            }
            if (e instanceof Expression.Unary u) {
                return depth(u.operand(), d + 1);
            }
            if (e instanceof Expression.Binary b) {
                return Math.max(depth(b.left(), d + 1), depth(b.right(), d + 1));
            }
            return d + 1;
        }

        private static boolean plain(Expression e, ToIntFunction<String> scope) {
            if (e instanceof Expression.Number) {
                return true;
            }
            if (e instanceof Expression.Variable v) {
                return scope.applyAsInt(v.name()) >= 0;
            }
            if (e instanceof Expression.Unary u) {
                return u.op() == '-' && plain(u.operand(), scope);
            }
            if (e instanceof Expression.Binary b) {
                return opcode(b.op()) >= 0 && plain(b.left(), scope) && plain(b.right(), scope);
            }
            return false;
        }

        private static int opcode(String op) {
            return switch (op) {
                case "+" -> ADD;
                case "-" -> SUB;
                case "*" -> MUL;
                case "/" -> DIV;
                case "^" -> POW;
                default -> -1;
            };
        }

        /** Encoded operand: 0..: constant index; −1 − i: parameter i; else op k as Integer.MIN_VALUE/2 + k. */
        private int emit(Expression e, ToIntFunction<String> scope) {
            if (e.variables().isEmpty()) {
                return constant(fold(e)); // as the compiler folds a sub-expression without parameters
            }
            if (e instanceof Expression.Variable v) {
                int slot = scope.applyAsInt(v.name());
                Integer i = slotIndex.get(slot);
                if (i == null) {
                    i = slotIndex.size();
                    slotIndex.put(slot, i);
                }
                return -1 - i;
            }
            if (e instanceof Expression.Unary u) {
                int a = emit(u.operand(), scope);
                return operation(NEG, a, a);
            }
            Expression.Binary b = (Expression.Binary) e;
            int left = emit(b.left(), scope);
            int right = emit(b.right(), scope);
            return operation(opcode(b.op()), left, right);
        }

        private int constant(double value) {
            long bits = Double.doubleToRawLongBits(value);
            Integer i = constantIndex.get(bits);
            if (i == null) {
                i = constantIndex.size();
                constantIndex.put(bits, i);
            }
            return i;
        }

        private static final int OP_BASE = Integer.MIN_VALUE / 2;

        private int operation(int code, int a, int b) {
            List<Integer> key = List.of(code, a, b);
            Integer k = seen.get(key);
            if (k == null) {
                k = ops.size();
                ops.add(new int[] {code, a, b});
                seen.put(key, k);
            }
            return OP_BASE + k;
        }

        /** The value of a sub-expression without parameters, by the operations the compiled tree folds it with. */
        private static double fold(Expression e) {
            if (e instanceof Expression.Number n) {
                return n.value();
            }
            if (e instanceof Expression.Unary u) {
                return -fold(u.operand());
            }
            Expression.Binary b = (Expression.Binary) e;
            double l = fold(b.left());
            double r = fold(b.right());
            return switch (b.op()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                default -> Math.pow(l, r);
            };
        }

        /** The program, and where each handle's value lands. */
        Program build() {
            double[] constants = new double[constantIndex.size()];
            int c = 0;
            for (long bits : constantIndex.keySet()) {
                constants[c++] = Double.longBitsToDouble(bits);
            }
            int[] slots = slotIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
            int nc = constants.length;
            int np = slots.length;
            int[] op = new int[ops.size()];
            int[] xs = new int[ops.size()];
            int[] ys = new int[ops.size()];
            for (int k = 0; k < op.length; k++) {
                int[] o = ops.get(k);
                op[k] = o[0];
                xs[k] = register(o[1], nc, np);
                ys[k] = register(o[2], nc, np);
            }
            FlatArithmetic program = new FlatArithmetic(constants, slots, op, xs, ys);
            return new Program(program, h -> register(results.get(h), nc, np));
        }

        private static int register(int handle, int nc, int np) {
            if (handle >= OP_BASE && handle < OP_BASE + (1 << 29)) {
                return nc + np + (handle - OP_BASE);
            }
            if (handle < 0) {
                return nc + (-1 - handle);
            }
            return handle;
        }
    }

    /** A built program and the register of each handle {@link Builder#add} returned. */
    record Program(FlatArithmetic arithmetic, java.util.function.IntUnaryOperator register) {
    }

    @Override
    public String toString() {
        return "FlatArithmetic[" + constants.length + " constants, " + parameterSlots.length + " parameters, "
                + op.length + " operations: " + Arrays.toString(op) + "]";
    }
}
