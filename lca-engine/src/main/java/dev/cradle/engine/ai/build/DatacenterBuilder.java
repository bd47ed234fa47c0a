package dev.cradle.engine.ai.build;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Datacenter}: where the electricity comes from (exactly one grid), PUE, water and the
 * market-based intensity, and the shared infrastructure the study's tenancy carries.
 *
 * <p>Each numeric setter comes three ways: a number in the field's reference unit (named in the method,
 * {@code marketIntensityKgPerKwh(0.08)}), a quantity with a unit ({@code marketIntensity(80, "g/kWh")}),
 * or a formula over the study's parameters with a unit ({@code marketIntensity("market_g", "g/kWh")}).
 *
 * <p>Defaults (those of the YAML reader, docs/scenario-reference.md): name = id; PUE 1 (no facility
 * overhead: a default that lowers the result when the real PUE is higher); on-site water 0 L/kWh;
 * off-site water from the generation mix when the library knows it; market-based = location-based
 * when neither a market intensity nor a renewable share is given; country = the grid code for a
 * country or sub-national grid code ({@code FR}, {@code CA-QC}); no tenancy, no infrastructure.
 */
public final class DatacenterBuilder {
    private final String id;
    private String name;
    private Declarations.Grid grid;
    private int grids;
    private String country;
    private Expression pue = new Expression.Number(1, 0);
    private Expression wue = new Expression.Number(0, 0);
    private Expression offsite;
    private Expression market;
    private Expression renewable;
    private Expression tenantMw;
    private Expression tenancyH;
    private final List<Infrastructure> infrastructure = new ArrayList<>();
    private final List<InfrastructureBuilder> pendingInfrastructure = new ArrayList<>();
    private String origin = "java";

    public DatacenterBuilder(String id) {
        this.id = id;
    }

    public DatacenterBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** A library grid: an ISO country code ({@code FR}), a zone ({@code CA-QC}) or a cloud region ({@code gcp/us-central1}). */
    public DatacenterBuilder grid(String code) {
        return grid(new Declarations.RegionGrid(code));
    }

    /** Any grid, e.g. a {@link Declarations.DatabaseGrid} linked to a background database process. */
    public DatacenterBuilder grid(Declarations.Grid grid) {
        this.grid = grid;
        grids++;
        return this;
    }

    /** An explicit generation mix, technology ({@code coal}, {@code gas}, {@code wind}, ...) to share; shares sum to 1. */
    public DatacenterBuilder gridMix(Map<String, Double> shares) {
        Map<String, Expression> s = new LinkedHashMap<>();
        shares.forEach((k, v) -> s.put(k, FieldValue.number("grid_mix." + k, v)));
        return grid(new Declarations.MixGrid(s));
    }

    /** An explicit location-based intensity in kg CO2-eq per kWh. */
    public DatacenterBuilder gridIntensityKgPerKwh(double kgPerKwh) {
        return grid(new Declarations.ExplicitGrid(FieldValue.number("grid_intensity", kgPerKwh)));
    }

    /** An explicit location-based intensity with a unit of mass per energy, e.g. {@code (429, "g/kWh")}. */
    public DatacenterBuilder gridIntensity(double value, String unit) {
        return grid(new Declarations.ExplicitGrid(FieldValue.rate("grid_intensity", value, unit, Dimension.MASS, "kg")));
    }

    /** An explicit location-based intensity as a formula over parameters, e.g. {@code ("grid_g", "g/kWh")}. */
    public DatacenterBuilder gridIntensity(String formula, String unit) {
        return grid(new Declarations.ExplicitGrid(FieldValue.rateFormula("grid_intensity", formula, unit,
                Dimension.MASS, "kg")));
    }

    /** ISO 3166-1 alpha-2 code for water scarcity (AWARE); defaults to a country grid's code. */
    public DatacenterBuilder country(String code) {
        this.country = code;
        return this;
    }

    /** Power usage effectiveness, ≥ 1 (default 1). */
    public DatacenterBuilder pue(double pue) {
        this.pue = FieldValue.number("pue", pue);
        return this;
    }

    /** PUE as a formula over parameters, e.g. {@code "pue_dc"}. */
    public DatacenterBuilder pue(String formula) {
        this.pue = FieldValue.formula("pue", formula);
        return this;
    }

    /** On-site water, litres per kWh of IT energy (default 0). */
    public DatacenterBuilder wueOnsiteLPerKwh(double litresPerKwh) {
        this.wue = FieldValue.number("wue_onsite", litresPerKwh);
        return this;
    }

    /** On-site water with a unit of volume per energy, e.g. {@code (0.55, "L/kWh")}. */
    public DatacenterBuilder wueOnsite(double value, String unit) {
        this.wue = FieldValue.rate("wue_onsite", value, unit, Dimension.VOLUME, "L");
        return this;
    }

    public DatacenterBuilder wueOnsite(String formula, String unit) {
        this.wue = FieldValue.rateFormula("wue_onsite", formula, unit, Dimension.VOLUME, "L");
        return this;
    }

    /** Water consumed off-site (generation) per kWh of facility energy, L/kWh (default: from the mix). */
    public DatacenterBuilder offsiteWaterLPerKwh(double litresPerKwh) {
        this.offsite = FieldValue.number("offsite_water", litresPerKwh);
        return this;
    }

    public DatacenterBuilder offsiteWater(double value, String unit) {
        this.offsite = FieldValue.rate("offsite_water", value, unit, Dimension.VOLUME, "L");
        return this;
    }

    public DatacenterBuilder offsiteWater(String formula, String unit) {
        this.offsite = FieldValue.rateFormula("offsite_water", formula, unit, Dimension.VOLUME, "L");
        return this;
    }

    /** The market-based intensity (after renewable contracts), kg CO2-eq per kWh. */
    public DatacenterBuilder marketIntensityKgPerKwh(double kgPerKwh) {
        this.market = FieldValue.number("market_intensity", kgPerKwh);
        return this;
    }

    public DatacenterBuilder marketIntensity(double value, String unit) {
        this.market = FieldValue.rate("market_intensity", value, unit, Dimension.MASS, "kg");
        return this;
    }

    public DatacenterBuilder marketIntensity(String formula, String unit) {
        this.market = FieldValue.rateFormula("market_intensity", formula, unit, Dimension.MASS, "kg");
        return this;
    }

    /** Share of consumption covered by renewable contracts, [0, 1]: market-based = location × (1 − share). */
    public DatacenterBuilder renewableShare(double share) {
        this.renewable = FieldValue.number("renewable_share", share);
        return this;
    }

    public DatacenterBuilder renewableShare(String formula) {
        this.renewable = FieldValue.formula("renewable_share", formula);
        return this;
    }

    /** The IT power the study's tenancy holds (MW) and the study period (hours), for shared infrastructure. */
    public DatacenterBuilder tenancyMwHours(double itPowerMw, double periodHours) {
        this.tenantMw = FieldValue.number("tenancy.it_power", itPowerMw);
        this.tenancyH = FieldValue.number("tenancy.period", periodHours);
        return this;
    }

    /** The tenancy with units, e.g. {@code tenancy(0.05, "MW", 30, "d")}. */
    public DatacenterBuilder tenancy(double itPower, String powerUnit, double period, String timeUnit) {
        this.tenantMw = FieldValue.quantity("tenancy.it_power", itPower, powerUnit, Dimension.POWER, "MW");
        this.tenancyH = FieldValue.quantity("tenancy.period", period, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** The tenancy as formulas over parameters with units. */
    public DatacenterBuilder tenancy(String itPower, String powerUnit, String period, String timeUnit) {
        this.tenantMw = FieldValue.formula("tenancy.it_power", itPower, powerUnit, Dimension.POWER, "MW");
        this.tenancyH = FieldValue.formula("tenancy.period", period, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** Shared infrastructure (building, cooling plant) of which the tenancy carries its share. */
    public DatacenterBuilder infrastructure(InfrastructureBuilder item) {
        pendingInfrastructure.add(item);
        return this;
    }

    public DatacenterBuilder infrastructure(Infrastructure item) {
        infrastructure.add(item);
        return this;
    }

    /** Where the declaration was written, for traces ({@code file:line:column}; default "java"). */
    public DatacenterBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    /**
     * The datacenter, after checking that it has an id and exactly one grid, that every literal lies in
     * its domain and that a market intensity and a renewable share are not both given.
     *
     * @throws DeclarationException listing every problem
     */
    public Datacenter build() {
        Checks c = new Checks("datacenter '" + id + "'");
        c.required(id, "id", "a unique name");
        if (grids != 1) {
            c.add(grids == 0 ? "needs a grid: grid(\"FR\"), gridMix(...) or gridIntensity(429, \"g/kWh\")"
                    : "has " + grids + " grids; give exactly one of grid, gridMix or gridIntensity");
        }
        if (grid instanceof Declarations.MixGrid mix) {
            double sum = mix.shares().values().stream().mapToDouble(Checks::literal).sum();
            mix.shares().forEach((k, v) -> c.domain(v, "grid_mix." + k, Checks.Domain.SHARE));
            if (!Double.isNaN(sum) && Math.abs(sum - 1) > 1e-6) {
                c.add("the generation shares sum to " + sum + ", not 1");
            }
        }
        if (grid instanceof Declarations.ExplicitGrid g) {
            c.domain(g.kgPerKwh(), "grid_intensity", Checks.Domain.NON_NEGATIVE);
        }
        c.domain(pue, "pue", Checks.Domain.AT_LEAST_ONE);
        c.domain(wue, "wue_onsite", Checks.Domain.NON_NEGATIVE);
        c.domain(offsite, "offsite_water", Checks.Domain.NON_NEGATIVE);
        c.domain(market, "market_intensity", Checks.Domain.NON_NEGATIVE);
        c.domain(renewable, "renewable_share", Checks.Domain.SHARE);
        c.domain(tenantMw, "tenancy.it_power", Checks.Domain.POSITIVE);
        c.domain(tenancyH, "tenancy.period", Checks.Domain.POSITIVE);
        if (market != null && renewable != null) {
            c.add("give a market intensity or a renewable share, not both");
        }
        List<Infrastructure> items = new ArrayList<>(infrastructure);
        for (InfrastructureBuilder b : pendingInfrastructure) {
            try {
                items.add(b.build());
            } catch (DeclarationException e) {
                e.problems().forEach(p -> c.add(p));
            }
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Infrastructure i : items) {
            if (!ids.add(i.id())) {
                c.add("infrastructure id '" + i.id() + "' is used twice; ids must be unique");
            }
            double capacity = Checks.literal(i.capacityMw());
            if (Checks.literal(tenantMw) > capacity * (1 + 1e-9)) {
                c.add("the tenancy holds " + Checks.literal(tenantMw) + " MW of IT power, more than the " + capacity
                        + " MW capacity of infrastructure '" + i.id() + "'");
            }
        }
        if (!items.isEmpty() && tenantMw == null) {
            c.add("shared infrastructure needs the tenancy (the IT power held and the period): tenancy(0.05, \"MW\", 30, \"d\")");
        }
        c.throwIfAny();
        String countryCode = country != null ? country
                : grid instanceof Declarations.RegionGrid r && !r.code().contains("/") ? r.code() : "";
        return new Datacenter(id, name == null ? id : name, grid, countryCode, pue, wue, offsite, market, renewable,
                items, tenantMw, tenancyH, origin);
    }
}
