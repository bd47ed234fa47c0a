package dev.cradle.factors;

/**
 * A grid's average carbon intensity as the library ships it.
 *
 * @param code          the grid code used as {@code grid:<code>}: ISO 3166-1 alpha-2 for a country
 *                      ({@code FR}), a zone code with a dash for a sub-national grid ({@code CA-QC}),
 *                      {@code provider/region} for a cloud region, an upper-case name for a region
 *                      ({@code WORLD}, {@code EU}, {@code ASIA})
 * @param name          the place, as the source names it
 * @param gramsPerKwh   g CO2-eq per kWh (life-cycle basis, GWP100 as published by the source)
 * @param vintage       the year or period the value describes ({@code 2024}; a source's period for cloud regions)
 * @param level         {@code country}, {@code sub-national}, {@code region} or {@code cloud region}
 * @param dataset       where the value comes from
 */
public record GridIntensity(String code, String name, double gramsPerKwh, String vintage, String level,
                            Dataset dataset) {
}
