package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.model.Expression;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.model.Amount;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * All parameters of a product system laid out in one {@code double[]}: global parameters first,
 * then each process's local parameters. Formulas are parsed and compiled once; {@link #evaluate}
 * fills the formula slots in dependency order. Local parameters hide global ones of the same name
 * inside their process. Dependency cycles are reported with the full cycle.
 */
public final class ParameterTable {
    private final String[] paths;
    private final double[] constants;
    private final CompiledFormula[] formulas;
    private final int[] order;
    private final Map<String, Integer> globals;
    private final Map<String, Map<String, Integer>> locals;

    private ParameterTable(String[] paths, double[] constants, CompiledFormula[] formulas, int[] order,
                           Map<String, Integer> globals, Map<String, Map<String, Integer>> locals) {
        this.paths = paths;
        this.constants = constants;
        this.formulas = formulas;
        this.order = order;
        this.globals = globals;
        this.locals = locals;
    }

    /** Compiles the parameters of {@code system}; every problem is collected into one exception. */
    public static ParameterTable compile(ProductSystem system) {
        return compile(system.parameters(), system.processes());
    }

    /** Compiles global parameters alone (no process scope), e.g. to know their central values before rules run. */
    public static ParameterTable compile(List<Parameter> globalParameters) {
        return compile(globalParameters, List.of());
    }

    private static ParameterTable compile(List<Parameter> globalParameters, List<Process> processes) {
        List<ModelProblem> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        Map<String, Integer> globals = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> locals = new HashMap<>();
        List<String> owners = new ArrayList<>();
        for (Parameter p : globalParameters) {
            if (globals.putIfAbsent(p.name(), params.size()) != null) {
                problems.add(ModelProblem.at("parameter:" + p.name(), "parameter '" + p.name() + "' is declared twice"));
                continue;
            }
            paths.add("parameter:" + p.name());
            params.add(p);
            owners.add(null);
        }
        for (Process proc : processes) {
            Map<String, Integer> scope = new LinkedHashMap<>();
            for (Parameter p : proc.parameters()) {
                String path = "process:" + proc.id() + "/parameter:" + p.name();
                if (scope.putIfAbsent(p.name(), params.size()) != null) {
                    problems.add(ModelProblem.at(path, "parameter '" + p.name() + "' is declared twice in process '"
                            + proc.id() + "'"));
                    continue;
                }
                paths.add(path);
                params.add(p);
                owners.add(proc.id());
            }
            locals.put(proc.id(), scope);
        }
        int n = params.size();
        double[] constants = new double[n];
        CompiledFormula[] formulas = new CompiledFormula[n];
        List<List<Integer>> deps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Parameter p = params.get(i);
            List<Integer> d = new ArrayList<>();
            deps.add(d);
            if (p.amount() instanceof Amount.Constant c) {
                constants[i] = c.value();
                continue;
            }
            String owner = owners.get(i);
            ToIntFunction<String> resolver = resolver(globals, owner == null ? Map.of() : locals.get(owner));
            try {
                Expression e = AmountCompiler.expression(p.amount());
                for (String v : e.variables()) {
                    int slot = resolver.applyAsInt(v);
                    if (slot >= 0) {
                        d.add(slot);
                    }
                }
                formulas[i] = AmountCompiler.compile(AmountCompiler.text(p.amount()), e, resolver,
                        () -> owner == null ? globals.keySet() : union(globals.keySet(), locals.get(owner).keySet()));
            } catch (FormulaException fe) {
                problems.add(new ModelProblem(paths.get(i), fe.column(), fe.reason()));
            }
        }
        int[] order = problems.isEmpty() ? topologicalOrder(paths, deps, formulas, problems) : new int[0];
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        ParameterTable table = new ParameterTable(paths.toArray(String[]::new), constants, formulas, order,
                Map.copyOf(globals), Map.copyOf(locals));
        double[] values = table.evaluate();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                problems.add(ModelProblem.at(paths.get(i), "parameter '" + params.get(i).name() + "' evaluates to "
                        + values[i] + " (division by zero, or log/sqrt of a negative number?)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        return table;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static ToIntFunction<String> resolver(Map<String, Integer> globals, Map<String, Integer> local) {
        return name -> {
            Integer s = local.get(name);
            if (s == null) {
                s = globals.get(name);
            }
            return s == null ? -1 : s;
        };
    }

    /** Depth-first topological sort of the formula slots; a back edge is reported as a cycle. */
    private static int[] topologicalOrder(List<String> paths, List<List<Integer>> deps, CompiledFormula[] formulas,
                                          List<ModelProblem> problems) {
        int n = deps.size();
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        List<Integer> out = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> d = deps.get(top[0]);
                if (top[1] < d.size()) {
                    int next = d.get(top[1]++);
                    if (state[next] == 0) {
                        state[next] = 1;
                        stack.push(new int[] {next, 0});
                    } else if (state[next] == 1) {
                        List<String> cycle = new ArrayList<>();
                        boolean in = false;
                        List<int[]> frames = new ArrayList<>(stack);
                        java.util.Collections.reverse(frames);
                        for (int[] f : frames) {
                            in |= f[0] == next;
                            if (in) {
                                cycle.add(name(paths.get(f[0])));
                            }
                        }
                        cycle.add(name(paths.get(next)));
                        problems.add(ModelProblem.at(paths.get(next), "parameters depend on each other in a cycle: "
                                + String.join(" -> ", cycle)));
                        return new int[0];
                    }
                } else {
                    state[top[0]] = 2;
                    stack.pop();
                    if (formulas[top[0]] != null) {
                        out.add(top[0]);
                    }
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf(':') + 1);
    }

    /** Number of slots. */
    public int size() {
        return paths.length;
    }

    /** The path of slot {@code i}, e.g. {@code parameter:pue} or {@code process:gpu/parameter:hours}. */
    public String path(int i) {
        return paths[i];
    }

    /** True when slot {@code i} holds a formula (it is computed, not an input). */
    public boolean isFormula(int i) {
        return formulas[i] != null;
    }

    /** Slot of a global parameter, or -1. */
    public int globalSlot(String name) {
        return globals.getOrDefault(name, -1);
    }

    /** Name resolution inside {@code processId} (local first, then global); -1 when unknown. */
    public ToIntFunction<String> resolverFor(String processId) {
        return resolver(globals, processId == null ? Map.of() : locals.getOrDefault(processId, Map.of()));
    }

    /** Names visible inside {@code processId}, for suggestions. */
    public java.util.Set<String> visibleNames(String processId) {
        return union(globals.keySet(), processId == null ? java.util.Set.of()
                : locals.getOrDefault(processId, Map.of()).keySet());
    }

    /** A fresh array with the declared constants and every formula evaluated. */
    public double[] evaluate() {
        double[] values = Arrays.copyOf(constants, constants.length);
        evaluateInto(values);
        return values;
    }

    /**
     * Recomputes every formula slot of {@code values} in dependency order, keeping the input (constant)
     * slots as they are. No allocation: suitable for Monte Carlo loops.
     */
    public void evaluateInto(double[] values) {
        for (int slot : order) {
            values[slot] = formulas[slot].evaluate(values);
        }
    }

    /** The declared constant values (formula slots hold 0). */
    public double[] constants() {
        return constants.clone();
    }
}
