package dev.cradle.scenario.api;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ai.AiStudy;
import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.ai.build.DatacenterBuilder;
import dev.cradle.engine.ai.build.DeclarationException;
import dev.cradle.engine.ai.build.HardwareBuilder;
import dev.cradle.engine.ai.build.ModelBuilder;
import dev.cradle.engine.ai.build.WorkloadBuilder;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.calc.Suggestions;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Parameter;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an AI study in Java — declarations, global parameters, methods and the functional unit — and
 * runs the AI rules on it, as a scenario file with {@code datacenters}, {@code hardware}, {@code models}
 * and {@code workloads} does:
 *
 * <pre>{@code
 * Study study = Cradle.aiStudy("Fine-tuning in France")
 *         .parameter("gpu_w", 300, "W")
 *         .datacenter(Declarations.datacenter("dc").grid("FR").pue(1.2))
 *         .hardware(Declarations.hardware("gpus").archetype("nvidia-a100-80gb").count(8)
 *                 .datacenter("dc").lifetime(5, "years").power("gpu_w", "W"))
 *         .model(Declarations.model("m"))
 *         .workload(Declarations.workload("tune").model("m").phase(MlPhase.TRAINING).hardware("gpus")
 *                 .deviceHours(8 * 24))
 *         .build();
 * }</pre>
 *
 * <p>The reference data (archetypes, grids, transport, end of life, methods) is the bundled factor library
 * ({@link Cradle#aiStudy(String)}) or the analyst's own ({@link Cradle#aiStudy(String, ReferenceData)}).
 *
 * <p>Defaults (those of the YAML reader): the functional unit is the whole study (amount 1); the methods
 * are the factor library's defaults (AR6 GWP100, water consumption, AWARE, USEtox 2, CML-IA ADP); an
 * infrastructure item without a lifetime takes the library's datacenter lifetime; the devices of a
 * FLOPs job or a deployment are the hardware's count. {@link #build()} checks every declaration, every
 * reference between them (with a suggestion for a misspelt id) and every library name.
 */
public final class AiStudyBuilder {
    private final String name;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Object> datacenters = new ArrayList<>();
    private final List<Object> hardware = new ArrayList<>();
    private final List<Object> models = new ArrayList<>();
    private final List<Object> workloads = new ArrayList<>();
    private final List<String> methodIds = new ArrayList<>();
    private final List<ImpactMethod> methods = new ArrayList<>();
    private final List<AiFunctionalUnit> units = new ArrayList<>();
    private final ReferenceData library;

    AiStudyBuilder(String name, ReferenceData library) {
        this.name = name;
        this.library = library;
    }

    /** A global parameter with a value (in {@code unit}, which formulas using it name: {@code power("gpu_w", "W")}). */
    public AiStudyBuilder parameter(String name, double value, String unit) {
        parameters.add(new Parameter(name, Amount.of(value), unit, null, ""));
        return this;
    }

    /** A dimensionless global parameter ({@code pue_dc}, a share, a count). */
    public AiStudyBuilder parameter(String name, double value) {
        return parameter(name, value, "");
    }

    /** A global parameter computed by a formula over the others ({@code "days * 24 * gpus"}). */
    public AiStudyBuilder parameter(String name, String formula) {
        parameters.add(Parameter.formula(name, formula));
        return this;
    }

    /** Any global parameter, e.g. one with an uncertainty distribution. */
    public AiStudyBuilder parameter(Parameter p) {
        parameters.add(p);
        return this;
    }

    public AiStudyBuilder datacenter(DatacenterBuilder d) {
        datacenters.add(d);
        return this;
    }

    public AiStudyBuilder datacenter(Datacenter d) {
        datacenters.add(d);
        return this;
    }

    public AiStudyBuilder hardware(HardwareBuilder h) {
        hardware.add(h);
        return this;
    }

    public AiStudyBuilder hardware(Hardware h) {
        hardware.add(h);
        return this;
    }

    public AiStudyBuilder model(ModelBuilder m) {
        models.add(m);
        return this;
    }

    public AiStudyBuilder model(Model m) {
        models.add(m);
        return this;
    }

    public AiStudyBuilder workload(WorkloadBuilder w) {
        workloads.add(w);
        return this;
    }

    public AiStudyBuilder workload(Workload w) {
        workloads.add(w);
        return this;
    }

    /** A library method by id ({@code cradle factors}); without any, the library's default methods. */
    public AiStudyBuilder method(String libraryMethodId) {
        methodIds.add(libraryMethodId);
        return this;
    }

    /** A method of your own. */
    public AiStudyBuilder method(ImpactMethod method) {
        methods.add(method);
        return this;
    }

    /**
     * A functional unit: the whole study, or per trained model, query, 1,000 tokens or year of service of
     * {@code model}, times {@code amount} (> 0). Call it once per unit; the first is the primary unit (the
     * product system's own). Without any, the unit is the whole study. Its id is the kind and the model
     * ({@code query:chat-7b}, {@code study}).
     */
    public AiStudyBuilder functionalUnit(FunctionalUnitKind kind, String model, double amount) {
        units.add(new AiFunctionalUnit(kind, model == null ? "" : model, new Expression.Number(amount, 0), "java"));
        return this;
    }

    /** A functional unit with an id of your own, unique in the study. */
    public AiStudyBuilder functionalUnit(String id, FunctionalUnitKind kind, String model, double amount) {
        units.add(new AiFunctionalUnit(id, kind, model == null ? "" : model, new Expression.Number(amount, 0), "java"));
        return this;
    }

    /**
     * Checks everything, runs the AI rules and assembles the product system.
     *
     * @throws DeclarationException listing every problem of the declarations, their references, the
     *                              library names and the parameters, or what the rules refused
     */
    public Study build() {
        List<String> problems = new ArrayList<>();
        List<Datacenter> dcs = new ArrayList<>();
        for (Object o : datacenters) {
            add(problems, () -> dcs.add(withLibraryLifetime(o instanceof DatacenterBuilder b ? b.build() : (Datacenter) o)));
        }
        List<Hardware> hw = new ArrayList<>();
        for (Object o : hardware) {
            add(problems, () -> hw.add(o instanceof HardwareBuilder b ? b.build() : (Hardware) o));
        }
        List<Model> ms = new ArrayList<>();
        for (Object o : models) {
            add(problems, () -> ms.add(o instanceof ModelBuilder b ? b.build() : (Model) o));
        }
        List<Workload> ws = new ArrayList<>();
        for (Object o : workloads) {
            if (o instanceof WorkloadBuilder b) {
                Hardware runsOn = hw.stream().filter(h -> h.id().equals(b.runsOn())).findFirst().orElse(null);
                add(problems, () -> ws.add(b.build(runsOn)));
            } else {
                ws.add((Workload) o);
            }
        }
        checkReferences(problems, dcs, hw, ms, ws, units);
        List<AiFunctionalUnit> fus = units.isEmpty() ? List.of(new AiFunctionalUnit(FunctionalUnitKind.STUDY, "",
                new Expression.Number(1, 0), "java")) : List.copyOf(units);
        Set<String> unitIds = new LinkedHashSet<>();
        for (AiFunctionalUnit u : fus) {
            double amount = ((Expression.Number) u.amount()).value();
            if (!(amount > 0) || !Double.isFinite(amount)) {
                problems.add("functional unit '" + u.id() + "': the amount is " + amount + "; it must be greater than 0");
            }
            if (!unitIds.add(u.id())) {
                problems.add("functional unit '" + u.id() + "' is declared twice; give each unit its own id");
            }
        }
        List<ImpactMethod> allMethods = new ArrayList<>(methods);
        for (String id : methodIds) {
            library.method(id).ifPresentOrElse(allMethods::add, () -> problems.add("unknown library method '" + id + "'"
                    + (library instanceof FactorLibrary lib ? Suggestions.didYouMean(id, lib.methods().keySet()) : "")));
        }
        Map<String, Double> central = problems.isEmpty() ? centralValues(problems) : Map.of();
        if (!problems.isEmpty()) {
            throw new DeclarationException(problems);
        }
        var scenario = new Declarations.AiScenario(dcs, hw, ms, ws, fus);
        AiStudy ai;
        try {
            ai = dev.cradle.engine.Cradle.aiCompiler(library).compile(scenario, central);
        } catch (ModelException e) {
            throw new DeclarationException(e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
        }
        if (allMethods.isEmpty()) {
            allMethods.addAll(library.defaultMethods());
        }
        List<Parameter> params = new ArrayList<>(parameters);
        params.addAll(ai.parameters());
        return new Study(new ProductSystem(name, ai.processes(), ai.functionalUnit(), params, allMethods,
                AllocationMethod.PHYSICAL), ai);
    }

    private static void add(List<String> problems, Runnable build) {
        try {
            build.run();
        } catch (DeclarationException e) {
            problems.addAll(e.problems());
        }
    }

    /** An infrastructure item without a lifetime takes the library's datacenter lifetime (as in a scenario file). */
    private Datacenter withLibraryLifetime(Datacenter d) {
        if (d.infrastructure().stream().allMatch(i -> i.lifetimeH() != null)) {
            return d;
        }
        List<Infrastructure> items = d.infrastructure().stream().map(i -> i.lifetimeH() != null ? i
                : new Infrastructure(i.id(), i.name(), i.embodiedKg(), i.capacityMw(),
                        new Expression.Number(library.datacenterLifetimeYears() * 8760, 0), i.rule(), i.origin())).toList();
        return new Datacenter(d.id(), d.name(), d.grid(), d.country(), d.pue(), d.wueOnsite(), d.offsiteWater(),
                d.marketKgPerKwh(), d.renewableShare(), items, d.tenantMw(), d.tenancyH(), d.origin());
    }

    private void checkReferences(List<String> problems, List<Datacenter> dcs, List<Hardware> hw, List<Model> ms,
                                 List<Workload> ws, List<AiFunctionalUnit> fus) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> dcIds = unique(problems, "datacenter", dcs.stream().map(Datacenter::id).toList(), ids);
        Set<String> hwIds = unique(problems, "hardware", hw.stream().map(Hardware::id).toList(), ids);
        Set<String> modelIds = unique(problems, "model", ms.stream().map(Model::id).toList(), ids);
        unique(problems, "workload", ws.stream().map(Workload::id).toList(), ids);
        for (Datacenter d : dcs) {
            if (d.grid() instanceof Declarations.RegionGrid g && library.gridElectricity(g.code()).isEmpty()) {
                problems.add("datacenter '" + d.id() + "': unknown grid '" + g.code() + "'" + suggestion("grid:", g.code())
                        + "; " + library.missingGridAdvice(g.code()));
            }
            if (d.grid() instanceof Declarations.MixGrid mix) {
                mix.shares().keySet().stream().filter(t -> library.generationTechnology(t).isEmpty()).forEach(t ->
                        problems.add("datacenter '" + d.id() + "': unknown generation technology '" + t + "'"
                                + Suggestions.didYouMean(t, library.generationTechnologies())));
            }
        }
        for (Hardware h : hw) {
            reference(problems, "hardware '" + h.id() + "' sits in datacenter", h.datacenter(), dcIds);
            if (!h.archetype().isEmpty() && library.deviceArchetype(h.archetype()).isEmpty()) {
                problems.add("hardware '" + h.id() + "': unknown device archetype '" + h.archetype() + "'"
                        + suggestion("device:", h.archetype()) + " (see 'cradle factors search device')");
            }
        }
        for (Model m : ms) {
            if (!m.derivedFrom().isEmpty()) {
                reference(problems, "model '" + m.id() + "' is derived from", m.derivedFrom(), modelIds);
            }
        }
        for (Workload w : ws) {
            reference(problems, "workload '" + w.id() + "' belongs to model", w.model(), modelIds);
            reference(problems, "workload '" + w.id() + "' runs on hardware", w.hardware(), hwIds);
            w.alsoUses().forEach(h -> reference(problems, "workload '" + w.id() + "' also uses hardware", h, hwIds));
        }
        for (AiFunctionalUnit u : fus) {
            if (u.kind() == FunctionalUnitKind.STUDY) {
                continue;
            }
            if (u.model().isEmpty()) {
                problems.add("a functional unit of kind '" + AiFunctionalUnit.key(u.kind()) + "' needs a model");
            } else {
                reference(problems, "functional unit '" + u.id() + "' is about model", u.model(), modelIds);
            }
        }
        if (ws.isEmpty()) {
            problems.add("the study needs at least one workload");
        }
    }

    /** A did-you-mean among the bundled library's processes of one kind ({@code grid:}); none for other data. */
    private String suggestion(String prefix, String given) {
        return library instanceof FactorLibrary lib
                ? Suggestions.didYouMean(prefix + given, lib.processes().keySet()).replace(prefix, "") : "";
    }

    private static Set<String> unique(List<String> problems, String kind, List<String> ids, Set<String> all) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (!out.add(id) || !all.add(id)) {
                problems.add(kind + " id '" + id + "' is used twice; ids must be unique across the declarations");
            }
        }
        return out;
    }

    private static void reference(List<String> problems, String what, String id, Set<String> known) {
        if (!known.contains(id)) {
            problems.add(what + " '" + id + "', which is not declared" + Suggestions.didYouMean(id, known));
        }
    }

    /** The global parameters' values (formulas evaluated), which the rules compute with. */
    private Map<String, Double> centralValues(List<String> problems) {
        Flow none = Flow.product("study", "study", Units.of("item"));
        ProductSystem parametersOnly = new ProductSystem(name, List.of(), FunctionalUnit.of(none, 1), parameters,
                List.of(), AllocationMethod.PHYSICAL);
        try {
            ParameterTable table = ParameterTable.compile(parametersOnly);
            double[] values = table.evaluate();
            Map<String, Double> out = new LinkedHashMap<>();
            parameters.forEach(p -> out.put(p.name(), values[table.globalSlot(p.name())]));
            return out;
        } catch (ModelException e) {
            e.problems().forEach(p -> problems.add(p.path() + ": " + p.message()));
            return Map.of();
        }
    }
}
