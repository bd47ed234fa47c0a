package dev.cradle.bench.analysis;

import dev.cradle.model.Uncertainty;

/**
 * The benchmark models: BLOOM-176B's training (Luccioni, Viguier and Ligozat, "Estimating the carbon footprint of
 * BLOOM", JMLR 24, 2023: 1,082,990 A100 GPU-hours, PUE 1.2, 57 g CO2-eq/kWh, 150 kg per GPU and 2,500 kg per
 * 8-GPU node embodied, 6-year life, 85 % use) with ten uncertain parameters, and the same with ten more for a
 * year of serving (twenty). The spreads are illustrative, chosen to exercise every distribution kind; the
 * formulas are the same in {@code numpy_peer.py}.
 */
final class BloomModels {
    private BloomModels() {
    }

    static FormulaModel training() {
        return trainingInputs(new FormulaModel()).derived("energy_kwh", TRAINING_ENERGY)
                .derived("embodied_kg", TRAINING_EMBODIED)
                .output("energy_kwh", "energy_kwh")
                .output("operational_kg", "energy_kwh * grid_g_per_kwh / 1000")
                .output("embodied_kg", "embodied_kg")
                .output("total_kg", "energy_kwh * grid_g_per_kwh / 1000 + embodied_kg")
                .compile();
    }

    static FormulaModel trainingAndServing() {
        return trainingInputs(new FormulaModel())
                .input("requests_per_day", 1e6, new Uncertainty.LogNormal(1e6, 2))
                .input("days", 365, new Uncertainty.Triangular(180, 365, 730))
                .input("gpu_s_per_request", 0.5, new Uncertainty.LogNormal(0.5, 1.5))
                .input("inf_power_w", 330, new Uncertainty.Uniform(250, 400))
                .input("inf_overhead_share", 0.45, new Uncertainty.Uniform(0.3, 0.6))
                .input("inf_pue", 1.3, new Uncertainty.Triangular(1.1, 1.3, 1.6))
                .input("inf_grid_g_per_kwh", 400, new Uncertainty.LogNormal(400, 1.4))
                .input("inf_utilisation", 0.5, new Uncertainty.Uniform(0.3, 0.7))
                .input("network_kwh_per_request", 1e-4, new Uncertainty.LogNormal(1e-4, 2))
                .input("inf_embodied_kg_per_gpu", 150, new Uncertainty.LogNormal(150, 1.5))
                .derived("energy_kwh", TRAINING_ENERGY)
                .derived("embodied_kg", TRAINING_EMBODIED)
                .derived("inf_gpu_hours", "requests_per_day * days * gpu_s_per_request / 3600 / inf_utilisation")
                .derived("inf_energy_kwh", "inf_gpu_hours * inf_power_w / 1000 * (1 + inf_overhead_share) * inf_pue"
                        + " + requests_per_day * days * network_kwh_per_request")
                .output("training_kg", "energy_kwh * grid_g_per_kwh / 1000 + embodied_kg")
                .output("serving_kg", "inf_energy_kwh * inf_grid_g_per_kwh / 1000"
                        + " + inf_gpu_hours / (lifetime_years * 8760) * inf_embodied_kg_per_gpu")
                .output("total_kg", "energy_kwh * grid_g_per_kwh / 1000 + embodied_kg"
                        + " + inf_energy_kwh * inf_grid_g_per_kwh / 1000"
                        + " + inf_gpu_hours / (lifetime_years * 8760) * inf_embodied_kg_per_gpu")
                .compile();
    }

    private static final String TRAINING_ENERGY =
            "gpu_hours * gpu_power_w / 1000 * (1 + overhead_share) * (1 + idle_share) * pue";
    private static final String TRAINING_EMBODIED =
            "gpu_hours / (lifetime_years * 8760 * utilisation) * (embodied_kg_per_gpu + embodied_kg_per_node / 8)";

    private static FormulaModel trainingInputs(FormulaModel m) {
        return m.input("gpu_hours", 1_082_990, new Uncertainty.Normal(1_082_990, 25_000))
                .input("gpu_power_w", 350, new Uncertainty.Uniform(300, 400))
                .input("overhead_share", 0.45, new Uncertainty.Uniform(0.3, 0.6))
                .input("idle_share", 0.1, new Uncertainty.Uniform(0.05, 0.15))
                .input("pue", 1.2, new Uncertainty.Triangular(1.1, 1.2, 1.4))
                .input("grid_g_per_kwh", 57, new Uncertainty.LogNormal(57, 1.3))
                .input("embodied_kg_per_gpu", 150, new Uncertainty.LogNormal(150, 1.5))
                .input("embodied_kg_per_node", 2500, new Uncertainty.LogNormal(2500, 1.4))
                .input("lifetime_years", 6, new Uncertainty.Triangular(4, 6, 8))
                .input("utilisation", 0.85, new Uncertainty.Uniform(0.7, 0.95));
    }
}
