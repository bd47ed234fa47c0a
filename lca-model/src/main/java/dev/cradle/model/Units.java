package dev.cradle.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of units Cradle understands. Conversions happen only at the boundary (scenario
 * files in, reports out); inside the engine every amount is a double in its flow's reference unit.
 *
 * <p>Conventions: a year ({@code a}, {@code y}, {@code yr}) is 365 days = 8,760 h; data sizes with
 * SI prefixes are decimal (1 GB = 10⁹ B), binary prefixes are 2¹⁰ⁿ (1 GiB = 2³⁰ B); a US gallon is
 * 3.785411784 L; a pound is 0.45359237 kg; a tonne is 1,000 kg.
 */
public final class Units {
    private static final Map<String, Unit> BY_SYMBOL;

    static {
        Map<String, Unit> m = new LinkedHashMap<>();
        // energy, base J
        put(m, Dimension.ENERGY, 1, "J");
        put(m, Dimension.ENERGY, 1e3, "kJ");
        put(m, Dimension.ENERGY, 1e6, "MJ");
        put(m, Dimension.ENERGY, 1e9, "GJ");
        put(m, Dimension.ENERGY, 1e12, "TJ");
        put(m, Dimension.ENERGY, 3600, "Wh");
        put(m, Dimension.ENERGY, 3.6e6, "kWh");
        put(m, Dimension.ENERGY, 3.6e9, "MWh");
        put(m, Dimension.ENERGY, 3.6e12, "GWh");
        put(m, Dimension.ENERGY, 3.6e15, "TWh");
        // power, base W
        put(m, Dimension.POWER, 1e-3, "mW");
        put(m, Dimension.POWER, 1, "W");
        put(m, Dimension.POWER, 1e3, "kW");
        put(m, Dimension.POWER, 1e6, "MW");
        put(m, Dimension.POWER, 1e9, "GW");
        // mass, base kg
        put(m, Dimension.MASS, 1e-9, "ug");
        put(m, Dimension.MASS, 1e-6, "mg");
        put(m, Dimension.MASS, 1e-3, "g");
        put(m, Dimension.MASS, 1, "kg");
        put(m, Dimension.MASS, 1e3, "t", "tonne");
        put(m, Dimension.MASS, 1e6, "kt");
        put(m, Dimension.MASS, 1e9, "Mt");
        put(m, Dimension.MASS, 0.45359237, "lb", "lbs");
        // volume, base m3
        put(m, Dimension.VOLUME, 1e-6, "mL", "ml");
        put(m, Dimension.VOLUME, 1e-3, "L", "l");
        put(m, Dimension.VOLUME, 1, "m3");
        put(m, Dimension.VOLUME, 1e3, "ML");
        put(m, Dimension.VOLUME, 3.785411784e-3, "gal");
        // time, base s
        put(m, Dimension.TIME, 1e-3, "ms");
        put(m, Dimension.TIME, 1, "s");
        put(m, Dimension.TIME, 60, "min");
        put(m, Dimension.TIME, 3600, "h");
        put(m, Dimension.TIME, 86400, "d", "day", "days");
        put(m, Dimension.TIME, 7 * 86400, "week", "weeks");
        put(m, Dimension.TIME, 365 * 86400.0, "a", "y", "yr", "year", "years");
        // distance, base m
        put(m, Dimension.DISTANCE, 1e-3, "mm");
        put(m, Dimension.DISTANCE, 1e-2, "cm");
        put(m, Dimension.DISTANCE, 1, "m");
        put(m, Dimension.DISTANCE, 1e3, "km");
        put(m, Dimension.DISTANCE, 1609.344, "mi");
        // area, base m2
        put(m, Dimension.AREA, 1e-6, "mm2");
        put(m, Dimension.AREA, 1e-4, "cm2");
        put(m, Dimension.AREA, 1, "m2");
        put(m, Dimension.AREA, 1e4, "ha");
        put(m, Dimension.AREA, 1e6, "km2");
        // data size, base byte
        put(m, Dimension.DATA_SIZE, 1, "B");
        put(m, Dimension.DATA_SIZE, 1e3, "kB");
        put(m, Dimension.DATA_SIZE, 1e6, "MB");
        put(m, Dimension.DATA_SIZE, 1e9, "GB");
        put(m, Dimension.DATA_SIZE, 1e12, "TB");
        put(m, Dimension.DATA_SIZE, 1e15, "PB");
        put(m, Dimension.DATA_SIZE, 1024, "KiB");
        put(m, Dimension.DATA_SIZE, 1024.0 * 1024, "MiB");
        put(m, Dimension.DATA_SIZE, 1024.0 * 1024 * 1024, "GiB");
        put(m, Dimension.DATA_SIZE, 1024.0 * 1024 * 1024 * 1024, "TiB");
        // mass x distance (freight), base kg*km
        put(m, Dimension.MASS_DISTANCE, 1, "kg*km", "kgkm");
        put(m, Dimension.MASS_DISTANCE, 1e3, "t*km", "tkm");
        // count
        put(m, Dimension.COUNT, 1, "item", "items", "unit", "units", "p", "piece", "pieces");
        put(m, Dimension.COUNT, 1e3, "kitem");
        // money (no exchange rates: only the base currency)
        put(m, Dimension.CURRENCY, 1, "EUR");
        put(m, Dimension.CURRENCY, 1, "USD");
        BY_SYMBOL = Collections.unmodifiableMap(m);
    }

    private Units() {
    }

    private static void put(Map<String, Unit> m, Dimension d, double factor, String symbol, String... aliases) {
        Unit u = new Unit(symbol, d, factor);
        m.put(symbol, u);
        for (String a : aliases) {
            m.put(a, u);
        }
    }

    /** The unit with this symbol (case-sensitive: MW is not mW), if Cradle knows it. */
    public static Optional<Unit> find(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_SYMBOL.get(symbol.trim()));
    }

    /** The unit with this symbol, or an {@link UnknownUnitException} naming it. */
    public static Unit of(String symbol) {
        return find(symbol).orElseThrow(() -> new UnknownUnitException(symbol));
    }

    /** A characterised-indicator unit such as {@code kg CO2-eq}; each symbol is its own scale. */
    public static Unit indicator(String symbol) {
        return new Unit(symbol, Dimension.IMPACT, 1.0);
    }

    /** Every known symbol and alias, for error messages and suggestions. */
    public static Map<String, Unit> all() {
        return BY_SYMBOL;
    }

    /** The unit whose factor is 1 in this dimension. */
    public static Unit base(Dimension d) {
        return of(d.baseUnit().equals("1") ? "item" : d.baseUnit());
    }

    /** Lower-case look-up used for "did you mean" suggestions (kwh → kWh). */
    public static Optional<Unit> findIgnoringCase(String symbol) {
        String s = symbol.trim().toLowerCase(Locale.ROOT);
        return BY_SYMBOL.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(s))
                .map(Map.Entry::getValue).findFirst();
    }
}
