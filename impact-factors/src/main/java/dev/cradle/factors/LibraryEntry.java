package dev.cradle.factors;

/**
 * Something a scenario can name: an impact method, a background process (a grid, a transport mode,
 * a device archetype, ...) or an elementary flow, with a one-line summary of its values.
 *
 * @param id      the name to use in a scenario, e.g. {@code grid:FR}, {@code ipcc-ar6-gwp100}
 * @param kind    method, process or flow
 * @param name    human-readable name
 * @param summary the key values with units
 * @param dataset the dataset it comes from
 */
public record LibraryEntry(String id, String kind, String name, String summary, Dataset dataset) {
}
