package dev.cradle.model.data;

/**
 * Treatment of electronic waste, kg CO2-eq per kg of waste. A device of mass {@code m} kg collected at
 * formal recycling rate {@code r} carries {@code m × (r × recycled + (1 − r) × landfilled)} kg CO2-eq.
 *
 * @param recycledKgCo2ePerKg   formal collection and recycling, kg CO2-eq/kg
 * @param landfilledKgCo2ePerKg the rest (landfill, informal treatment), kg CO2-eq/kg
 */
public record EwasteTreatment(double recycledKgCo2ePerKg, double landfilledKgCo2ePerKg) {
}
