package dev.cradle.engine.formula;

import dev.cradle.model.Expression;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Turns an {@link Expression} into a {@link CompiledFormula} over a {@code double[]} of parameter
 * values, with every variable resolved to its array slot once. A shallow tree (the common case, at
 * most {@link #TREE_DEPTH} deep) becomes a tree of small lambdas, the fastest to evaluate; a deeper
 * one (a long chain such as {@code 1-1-1-…}) becomes a flat postfix program run by a loop with its
 * own small operand stack, so that neither compiling nor evaluating recurses with the formula's
 * length: that is bounded by {@link FormulaParser#MAX_LENGTH} alone, not by the thread's stack.
 * {@code if}, {@code &&} and {@code ||} evaluate only the branch taken. Constant sub-expressions are
 * folded at compile time.
 */
public final class FormulaCompiler {
    private FormulaCompiler() {
    }

    /**
     * @param slotOf maps a parameter name to its index in the values array, or -1 when unknown
     * @throws FormulaException naming the unknown parameter and its column
     */
    public static CompiledFormula compile(String text, Expression e, ToIntFunction<String> slotOf) {
        if (depth(e) <= TREE_DEPTH) {
            // the common case: a shallow tree of lambdas, the fastest to evaluate (recursion bounded by TREE_DEPTH)
            return treeNode(text, e, slotOf);
        }
        Program p = new Emitter(text, slotOf).emit(e);
        if (e.variables().isEmpty()) {
            double folded = p.evaluate(new double[0]);
            return CompiledFormula.constant(folded);
        }
        return p;
    }

    /**
     * {@code e} evaluated once, each parameter's value taken by name from {@code values} (e.g. the central values
     * of a scenario's global parameters).
     *
     * @throws FormulaException naming the first parameter {@code values} does not hold, at its column
     */
    public static double evaluate(Expression e, Map<String, Double> values) {
        if (e instanceof Expression.Number n) {
            return n.value();
        }
        List<String> names = List.copyOf(e.variables());
        double[] v = new double[names.size()];
        String text = e.text();
        for (int i = 0; i < v.length; i++) {
            Double x = values.get(names.get(i));
            if (x == null) {
                throw new FormulaException(text, Math.max(1, e.firstColumnOf(names.get(i))),
                        "unknown parameter '" + names.get(i) + "'");
            }
            v[i] = x;
        }
        return compile(text, e, names::indexOf).evaluate(v);
    }

    /** The flat program of {@code e}, whatever its depth (the form deep trees get; for tests of both forms). */
    static CompiledFormula compileFlat(String text, Expression e, ToIntFunction<String> slotOf) {
        return new Emitter(text, slotOf).emit(e);
    }

    /**
     * Deepest tree compiled to nested lambdas; deeper ones (long chains such as {@code 1-1-1-…}) run as a
     * flat program, so neither compiling nor evaluating needs a deep stack.
     */
    static final int TREE_DEPTH = 32;

    /** The depth of a tree, measured with an explicit stack. */
    static int depth(Expression root) {
        int max = 0;
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Expression e = (Expression) top[0];
            int d = (Integer) top[1];
            max = Math.max(max, d);
            if (e instanceof Expression.Unary u) {
                stack.push(new Object[] {u.operand(), d + 1});
            } else if (e instanceof Expression.Binary b) {
                stack.push(new Object[] {b.left(), d + 1});
                stack.push(new Object[] {b.right(), d + 1});
            } else if (e instanceof Expression.Call c) {
                c.arguments().forEach(a -> stack.push(new Object[] {a, d + 1}));
            }
        }
        return max;
    }

    private static CompiledFormula treeNode(String text, Expression e, ToIntFunction<String> slotOf) {
        CompiledFormula f = treeBuild(text, e, slotOf);
        if (!(e instanceof Expression.Variable) && e.variables().isEmpty()) {
            double folded = f.evaluate(new double[0]);
            return v -> folded;
        }
        return f;
    }

    private static CompiledFormula treeBuild(String text, Expression e, ToIntFunction<String> slotOf) {
        if (e instanceof Expression.Number n) {
            double value = n.value();
            return v -> value;
        }
        if (e instanceof Expression.Variable var) {
            int slot = slotOf.applyAsInt(var.name());
            if (slot < 0) {
                throw new FormulaException(text, var.column(), "unknown parameter '" + var.name() + "'");
            }
            return v -> v[slot];
        }
        if (e instanceof Expression.Unary u) {
            CompiledFormula a = treeNode(text, u.operand(), slotOf);
            return u.op() == '-' ? v -> -a.evaluate(v) : v -> a.evaluate(v) == 0 ? 1 : 0;
        }
        if (e instanceof Expression.Binary b) {
            CompiledFormula l = treeNode(text, b.left(), slotOf);
            CompiledFormula r = treeNode(text, b.right(), slotOf);
            switch (b.op()) {
                case "+": return v -> l.evaluate(v) + r.evaluate(v);
                case "-": return v -> l.evaluate(v) - r.evaluate(v);
                case "*": return v -> l.evaluate(v) * r.evaluate(v);
                case "/": return v -> l.evaluate(v) / r.evaluate(v);
                case "^": return v -> Math.pow(l.evaluate(v), r.evaluate(v));
                case "<": return v -> l.evaluate(v) < r.evaluate(v) ? 1 : 0;
                case "<=": return v -> l.evaluate(v) <= r.evaluate(v) ? 1 : 0;
                case ">": return v -> l.evaluate(v) > r.evaluate(v) ? 1 : 0;
                case ">=": return v -> l.evaluate(v) >= r.evaluate(v) ? 1 : 0;
                case "==": return v -> l.evaluate(v) == r.evaluate(v) ? 1 : 0;
                case "!=": return v -> l.evaluate(v) != r.evaluate(v) ? 1 : 0;
                case "&&": return v -> l.evaluate(v) != 0 && r.evaluate(v) != 0 ? 1 : 0;
                case "||": return v -> l.evaluate(v) != 0 || r.evaluate(v) != 0 ? 1 : 0;
                default: throw new FormulaException(text, b.column(), "unknown operator " + b.op());
            }
        }
        Expression.Call c = (Expression.Call) e;
        List<Expression> args = c.arguments();
        CompiledFormula[] a = new CompiledFormula[args.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = treeNode(text, args.get(i), slotOf);
        }
        switch (c.function()) {
            case "min":
                return v -> {
                    double m = a[0].evaluate(v);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.min(m, a[i].evaluate(v));
                    }
                    return m;
                };
            case "max":
                return v -> {
                    double m = a[0].evaluate(v);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.max(m, a[i].evaluate(v));
                    }
                    return m;
                };
            case "exp": return v -> Math.exp(a[0].evaluate(v));
            case "ln": return v -> Math.log(a[0].evaluate(v));
            case "log":
                if (a.length == 2) {
                    return v -> Math.log(a[0].evaluate(v)) / Math.log(a[1].evaluate(v));
                }
                return v -> Math.log(a[0].evaluate(v));
            case "log10": return v -> Math.log10(a[0].evaluate(v));
            case "sqrt": return v -> Math.sqrt(a[0].evaluate(v));
            case "abs": return v -> Math.abs(a[0].evaluate(v));
            case "pow": return v -> Math.pow(a[0].evaluate(v), a[1].evaluate(v));
            case "floor": return v -> Math.floor(a[0].evaluate(v));
            case "ceil": return v -> Math.ceil(a[0].evaluate(v));
            case "round": return v -> {
                double x = a[0].evaluate(v);
                return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
            };
            case "if": return v -> a[0].evaluate(v) != 0 ? a[1].evaluate(v) : a[2].evaluate(v);
            default: throw new FormulaException(text, c.column(), "unknown function '" + c.function() + "'");
        }
    }

    // opcodes
    static final int CONST = 0, VAR = 1, NEG = 2, NOT = 3, ADD = 4, SUB = 5, MUL = 6, DIV = 7, POW = 8, LT = 9,
            LE = 10, GT = 11, GE = 12, EQ = 13, NE = 14, EXP = 15, LN = 16, LOG10 = 17, SQRT = 18, ABS = 19,
            FLOOR = 20, CEIL = 21, ROUND = 22, LOGB = 23, MIN = 24, MAX = 25, JZ = 26, JNZ = 27, JMP = 28,
            TOBOOL = 29;

    private static final Map<String, Integer> BINARY = Map.ofEntries(Map.entry("+", ADD), Map.entry("-", SUB),
            Map.entry("*", MUL), Map.entry("/", DIV), Map.entry("^", POW), Map.entry("<", LT), Map.entry("<=", LE),
            Map.entry(">", GT), Map.entry(">=", GE), Map.entry("==", EQ), Map.entry("!=", NE));

    private static final Map<String, Integer> UNARY_FUNCTIONS = Map.ofEntries(Map.entry("exp", EXP),
            Map.entry("ln", LN), Map.entry("log10", LOG10), Map.entry("sqrt", SQRT), Map.entry("abs", ABS),
            Map.entry("floor", FLOOR), Map.entry("ceil", CEIL), Map.entry("round", ROUND));

    /** A compiled formula: opcodes with one operand each (a constant's index, a slot, a jump target, a count). */
    static final class Program implements CompiledFormula {
        private final int[] ops;
        private final int[] operands;
        private final double[] constants;
        private final int maxStack;

        Program(int[] ops, int[] operands, double[] constants, int maxStack) {
            this.ops = ops;
            this.operands = operands;
            this.constants = constants;
            this.maxStack = maxStack;
        }

        @Override
        public double evaluate(double[] v) {
            double[] st = new double[maxStack];
            int sp = 0;
            int pc = 0;
            while (pc < ops.length) {
                int op = ops[pc];
                int arg = operands[pc];
                pc++;
                switch (op) {
                    case CONST -> st[sp++] = constants[arg];
                    case VAR -> st[sp++] = v[arg];
                    case NEG -> st[sp - 1] = -st[sp - 1];
                    case NOT -> st[sp - 1] = st[sp - 1] == 0 ? 1 : 0;
                    case TOBOOL -> st[sp - 1] = st[sp - 1] != 0 ? 1 : 0;
                    case EXP -> st[sp - 1] = Math.exp(st[sp - 1]);
                    case LN -> st[sp - 1] = Math.log(st[sp - 1]);
                    case LOG10 -> st[sp - 1] = Math.log10(st[sp - 1]);
                    case SQRT -> st[sp - 1] = Math.sqrt(st[sp - 1]);
                    case ABS -> st[sp - 1] = Math.abs(st[sp - 1]);
                    case FLOOR -> st[sp - 1] = Math.floor(st[sp - 1]);
                    case CEIL -> st[sp - 1] = Math.ceil(st[sp - 1]);
                    case ROUND -> {
                        double x = st[sp - 1];
                        st[sp - 1] = Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
                    }
                    case JZ -> {
                        if (st[--sp] == 0) {
                            pc = arg;
                        }
                    }
                    case JNZ -> {
                        if (st[--sp] != 0) {
                            pc = arg;
                        }
                    }
                    case JMP -> pc = arg;
                    case MIN, MAX -> {
                        double m = st[sp - arg];
                        for (int i = sp - arg + 1; i < sp; i++) {
                            m = op == MIN ? Math.min(m, st[i]) : Math.max(m, st[i]);
                        }
                        sp -= arg;
                        st[sp++] = m;
                    }
                    default -> {
                        double b = st[--sp];
                        double a = st[sp - 1];
                        st[sp - 1] = switch (op) {
                            case ADD -> a + b;
                            case SUB -> a - b;
                            case MUL -> a * b;
                            case DIV -> a / b;
                            case POW -> Math.pow(a, b);
                            case LT -> a < b ? 1 : 0;
                            case LE -> a <= b ? 1 : 0;
                            case GT -> a > b ? 1 : 0;
                            case GE -> a >= b ? 1 : 0;
                            case EQ -> a == b ? 1 : 0;
                            case NE -> a != b ? 1 : 0;
                            case LOGB -> Math.log(a) / Math.log(b);
                            default -> throw new IllegalStateException("opcode " + op);
                        };
                    }
                }
            }
            return st[0];
        }
    }

    /** Emits the program of a tree in post-order with an explicit work list: visits, instructions and labels. */
    private static final class Emitter {
        private final String text;
        private final ToIntFunction<String> slotOf;
        private int[] ops = new int[16];
        private int[] operands = new int[16];
        private int size;
        private double[] constants = new double[8];
        private int constantCount;
        private int depth;
        private int maxDepth;
        private int labels;
        /** Per label: its position once placed, and the operand depth at it (set by the jumps to it). */
        private final Map<Integer, Integer> labelAt = new HashMap<>();
        private final Map<Integer, Integer> depthAt = new HashMap<>();

        Emitter(String text, ToIntFunction<String> slotOf) {
            this.text = text;
            this.slotOf = slotOf;
        }

        /** A unit of work: visit a node, emit an instruction (jumps name a label), or place a label. */
        private record Task(Expression visit, int op, int operand, boolean label) {
            static Task visit(Expression e) {
                return new Task(e, -1, 0, false);
            }

            static Task emit(int op, int operand) {
                return new Task(null, op, operand, false);
            }

            static Task place(int label) {
                return new Task(null, -1, label, true);
            }
        }

        Program emit(Expression root) {
            ArrayDeque<Task> work = new ArrayDeque<>();
            work.push(Task.visit(root));
            while (!work.isEmpty()) {
                Task t = work.pop();
                if (t.label()) {
                    labelAt.put(t.operand(), size);
                    depth = depthAt.getOrDefault(t.operand(), depth);
                } else if (t.visit() != null) {
                    expand(t.visit(), work);
                } else {
                    instruction(t.op(), t.operand());
                }
            }
            for (int i = 0; i < size; i++) {
                if (ops[i] == JZ || ops[i] == JNZ || ops[i] == JMP) {
                    operands[i] = labelAt.get(operands[i]);
                }
            }
            return new Program(Arrays.copyOf(ops, size), Arrays.copyOf(operands, size),
                    Arrays.copyOf(constants, constantCount), Math.max(1, maxDepth));
        }

        /** Pushes, in reverse, the tasks that emit {@code e}: its operands first, then its operator. */
        private void expand(Expression e, ArrayDeque<Task> work) {
            List<Task> seq = new java.util.ArrayList<>();
            if (e instanceof Expression.Number n) {
                seq.add(Task.emit(CONST, constant(n.value())));
            } else if (e instanceof Expression.Variable var) {
                int slot = slotOf.applyAsInt(var.name());
                if (slot < 0) {
                    throw new FormulaException(text, var.column(), "unknown parameter '" + var.name() + "'");
                }
                seq.add(Task.emit(VAR, slot));
            } else if (e instanceof Expression.Unary u) {
                seq.add(Task.visit(u.operand()));
                seq.add(Task.emit(u.op() == '-' ? NEG : NOT, 0));
            } else if (e instanceof Expression.Binary b && (b.op().equals("&&") || b.op().equals("||"))) {
                // a && b: a; JZ short; b; TOBOOL; JMP end; short: 0; end.   a || b likewise with JNZ and 1
                boolean and = b.op().equals("&&");
                int shortCut = labels++;
                int end = labels++;
                seq.add(Task.visit(b.left()));
                seq.add(Task.emit(and ? JZ : JNZ, shortCut));
                seq.add(Task.visit(b.right()));
                seq.add(Task.emit(TOBOOL, 0));
                seq.add(Task.emit(JMP, end));
                seq.add(Task.place(shortCut));
                seq.add(Task.emit(CONST, constant(and ? 0 : 1)));
                seq.add(Task.place(end));
            } else if (e instanceof Expression.Binary b) {
                Integer op = BINARY.get(b.op());
                if (op == null) {
                    throw new FormulaException(text, b.column(), "unknown operator " + b.op());
                }
                seq.add(Task.visit(b.left()));
                seq.add(Task.visit(b.right()));
                seq.add(Task.emit(op, 0));
            } else {
                call((Expression.Call) e, seq);
            }
            for (int i = seq.size() - 1; i >= 0; i--) {
                work.push(seq.get(i));
            }
        }

        private void call(Expression.Call c, List<Task> seq) {
            List<Expression> args = c.arguments();
            String f = c.function();
            if (f.equals("if")) {
                int otherwise = labels++;
                int end = labels++;
                seq.add(Task.visit(args.get(0)));
                seq.add(Task.emit(JZ, otherwise));
                seq.add(Task.visit(args.get(1)));
                seq.add(Task.emit(JMP, end));
                seq.add(Task.place(otherwise));
                seq.add(Task.visit(args.get(2)));
                seq.add(Task.place(end));
                return;
            }
            args.forEach(a -> seq.add(Task.visit(a)));
            if (f.equals("min") || f.equals("max")) {
                seq.add(Task.emit(f.equals("min") ? MIN : MAX, args.size()));
            } else if (f.equals("log")) {
                seq.add(Task.emit(args.size() == 2 ? LOGB : LN, 0));
            } else if (f.equals("pow")) {
                seq.add(Task.emit(POW, 0));
            } else if (UNARY_FUNCTIONS.containsKey(f)) {
                seq.add(Task.emit(UNARY_FUNCTIONS.get(f), 0));
            } else {
                throw new FormulaException(text, c.column(), "unknown function '" + f + "'");
            }
        }

        private int constant(double value) {
            if (constantCount == constants.length) {
                constants = Arrays.copyOf(constants, constantCount * 2);
            }
            constants[constantCount] = value;
            return constantCount++;
        }

        private void instruction(int op, int operand) {
            if (size == ops.length) {
                ops = Arrays.copyOf(ops, size * 2);
                operands = Arrays.copyOf(operands, size * 2);
            }
            ops[size] = op;
            operands[size] = operand;
            size++;
            switch (op) {
                case CONST, VAR -> depth++;
                case ADD, SUB, MUL, DIV, POW, LT, LE, GT, GE, EQ, NE, LOGB -> depth--;
                case MIN, MAX -> depth -= operand - 1;
                case JZ, JNZ -> {
                    depth--;
                    depthAt.merge(operand, depth, Math::max);
                }
                case JMP -> depthAt.merge(operand, depth, Math::max);
                default -> {
                    // unary operators and functions keep the depth
                }
            }
            maxDepth = Math.max(maxDepth, depth);
        }
    }
}
