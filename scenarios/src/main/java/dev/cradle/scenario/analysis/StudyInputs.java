package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.scenario.LoadedScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The uncertain inputs of a study, in draw order, each with where its distribution comes from and its unit:
 * <ul>
 * <li>{@code scenario}: a global parameter the scenario gives a distribution;</li>
 * <li>{@code library range}: a library figure with a range that the AI rules made a parameter
 *     ({@code hardware.<id>.embodied_gwp} triangular, {@code datacenter.<id>.mix.<tech>_gwp} triangular over the
 *     IPCC AR5 min/median/max, {@code datacenter.<id>.building_gwp_per_mw} uniform 0–4.5e6 kg/MW), drawn only when
 *     {@code libraryRanges} is on, and only when the scenario does not fix the figure with its own parameter;</li>
 * <li>{@code exchange}: an exchange of the scenario's own processes with a distribution (its lognormal from a pedigree
 *     included), drawn through an implicit parameter ({@link ExchangeParameters});</li>
 * <li>{@code library range, <process> (<dataset>)}: the range of an exchange of a library process the scenario
 *     references directly ({@code provider: "device:nvidia-a100-80gb"}), drawn the same way, only when
 *     {@code libraryRanges} is on.</li>
 * </ul>
 *
 * @param compiled   the compiled system the parameters' slots refer to
 * @param parameters the uncertain parameters
 * @param sources    per parameter, where its distribution comes from
 * @param units      per parameter, its unit symbol ("" when dimensionless)
 * @param declared   per parameter, its distribution as declared (two scenarios share a draw when the names and
 *                   these are equal)
 */
record StudyInputs(CompiledSystem compiled, List<UncertainParameter> parameters, List<String> sources,
                   List<String> units, List<Uncertainty> declared) {
    static final String SCENARIO = "scenario";
    static final String LIBRARY = "library range";

    static StudyInputs of(LoadedScenario study, boolean libraryRanges) {
        CompiledSystem compiled = study.compiled();
        Set<String> library = study.aiStudy().map(ai -> ai.libraryParameters().stream().map(Parameter::name)
                .collect(Collectors.toSet())).orElse(Set.of());
        ParameterTable table = compiled.parameters();
        List<UncertainParameter> parameters = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<Uncertainty> declared = new ArrayList<>();
        for (Parameter p : compiled.system().parameters()) {
            if (p.uncertainty() == null) {
                continue;
            }
            boolean fromLibrary = library.contains(p.name());
            if (fromLibrary && !libraryRanges) {
                continue;
            }
            int slot = table.globalSlot(p.name());
            if (table.isFormula(slot)) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is a formula and has a distribution; "
                        + "give the distribution to the parameters it is computed from");
            }
            parameters.add(UncertainParameter.of(p.name(), slot, p.uncertainty()));
            sources.add(fromLibrary ? LIBRARY : SCENARIO);
            units.add(p.unit());
            declared.add(p.uncertainty());
        }
        ExchangeParameters implicit = ExchangeParameters.of(study, libraryRanges);
        if (!implicit.parameters().isEmpty()) {
            compiled = dev.cradle.engine.Cradle.compile(implicit.system());
            table = compiled.parameters();
            List<UncertainParameter> moved = new ArrayList<>();
            for (UncertainParameter p : parameters) {
                moved.add(new UncertainParameter(p.name(), table.globalSlot(p.name()), p.distribution()));
            }
            parameters = moved;
            for (int i = 0; i < implicit.parameters().size(); i++) {
                Parameter p = implicit.parameters().get(i);
                parameters.add(UncertainParameter.of(p.name(), table.globalSlot(p.name()), p.uncertainty()));
                sources.add(implicit.sources().get(i));
                units.add(p.unit());
                declared.add(p.uncertainty());
            }
        }
        return new StudyInputs(compiled, List.copyOf(parameters), List.copyOf(sources), List.copyOf(units),
                List.copyOf(declared));
    }
}
