package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code electricity_grid_alias}: cloud regions on current grids; the process {@code grid:<provider>/<region>@<year>}
 * (and, for the {@code default_vintage}, the plain {@code grid:<provider>/<region>}) takes the intensity of the
 * library grid the region maps to (a zone, else the country), so every grid dataset is read first. The regions
 * are those of a grid dataset keyed with {@code regions_suffix} (the ML CO2 table, {@code @mlco2}).
 */
final class GridAliasReader implements DatasetReader {
    @Override
    public String kind() {
        return "electricity_grid_alias";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows", "electricity_grid");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        // the regions as the source table keys them (code + its named vintage's suffix, e.g. '@mlco2')
        String regionsSuffix = root.path("regions_suffix").asText("");
        boolean isDefault = root.path("default_vintage").asBoolean(false);
        root.path("regions").fields().forEachRemaining(e -> {
            GridIntensity target = into.grids.get(e.getValue().path("grid").asText());
            GridIntensity region = into.grids.get(e.getKey() + regionsSuffix);
            if (target == null || region == null) {
                throw new IllegalStateException(d.file() + ": " + e.getKey() + " maps to an unknown grid or region");
            }
            List<String> codes = isDefault ? List.of(e.getKey(), e.getKey() + "@" + d.year()) : List.of(e.getKey() + "@" + d.year());
            for (String code : codes) {
                String name = region.name() + " on grid " + target.code();
                into.grids.put(code, new GridIntensity(code, name, target.gramsPerKwh(), target.vintage(), "cloud region", d));
                into.gridTargets.put(code, target.code());
                into.gridTargets.putIfAbsent(e.getKey() + regionsSuffix, target.code()); // the named vintage: same place
                Process p = new Process("grid:" + code, "Electricity, grid, " + name + " (" + target.vintage() + ")",
                        LifecycleStage.USE, null, Map.of("dataset", d.id()), List.of(out(ReferenceFlows.ELECTRICITY, 1, null),
                        out(into.co2e(), target.gramsPerKwh() / 1000, null)), List.of(), List.of(),
                        Set.of(ImpactCategories.CLIMATE));
                into.addProcess(p, d, p.name(), target.gramsPerKwh() + " g CO2-eq/kWh = grid:" + target.code() + " ("
                        + target.dataset().id() + ", vintage " + target.vintage() + "); " + e.getValue().path("basis").asText()
                        + (code.contains("@") ? "" : "; the default for " + code + " (the ML CO2 table's value: "
                        + e.getKey() + regionsSuffix + ")"));
            }
        });
    }
}
