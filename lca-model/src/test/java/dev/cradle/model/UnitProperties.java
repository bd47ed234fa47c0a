package dev.cradle.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UnitProperties {
    record Pair(Unit a, Unit b) {
    }

    @Provide
    Arbitrary<Pair> sameDimension() {
        List<Unit> units = Units.all().values().stream().distinct().toList();
        return Arbitraries.of(units).flatMap(a -> Arbitraries.of(units.stream()
                .filter(b -> b.dimension() == a.dimension()).toList()).map(b -> new Pair(a, b)));
    }

    @Provide
    Arbitrary<Double> amounts() {
        return Arbitraries.doubles().between(-1e12, 1e12).ofScale(6);
    }

    @Property
    void conversionsRoundTrip(@ForAll("sameDimension") Pair p, @ForAll("amounts") double v) {
        double there = p.a().convert(v, p.b());
        assertEquals(v, p.b().convert(there, p.a()), 1e-12 * Math.max(1, Math.abs(v)));
    }

    @Property
    void conversionFactorsCompose(@ForAll("sameDimension") Pair p, @ForAll("sameDimension") Pair q) {
        if (p.b().dimension() != q.a().dimension()) {
            return;
        }
        Unit a = p.a();
        Unit c = q.b();
        Unit b = q.a();
        assertEquals(a.conversionFactorTo(c), a.conversionFactorTo(b) * b.conversionFactorTo(c),
                1e-12 * a.conversionFactorTo(c));
    }

    @Test
    void knownConversions() {
        // 1 kWh = 3.6 MJ; 1 lb = 0.45359237 kg (exact, by definition); 1 GiB = 1.073741824 GB; 1 t*km = 1000 kg*km
        assertEquals(3.6, Quantity.of(1, "kWh").in(Units.of("MJ")), 1e-15);
        assertEquals(0.45359237, Quantity.of(1, "lb").in(Units.of("kg")), 1e-15);
        assertEquals(1.073741824, Quantity.of(1, "GiB").in(Units.of("GB")), 1e-15);
        assertEquals(1000, Quantity.of(1, "t*km").in(Units.of("kg*km")), 1e-12);
        assertEquals(8760, Quantity.of(1, "year").in(Units.of("h")), 1e-9);
    }

    @Test
    void aKilowattHourIsNotAKilogram() {
        UnitMismatchException e = assertThrows(UnitMismatchException.class,
                () -> Quantity.of(1, "kWh").in(Units.of("kg")));
        assertEquals("unit 'kWh' (energy) cannot be converted to 'kg' (mass)", e.getMessage());
    }

    @Test
    void quantitiesParse() {
        assertEquals(Quantity.of(12.5, "kWh"), Quantity.parse("12.5 kWh"));
        assertEquals(Quantity.of(3000, "t*km"), Quantity.parse("3e3 t*km"));
        assertEquals(Quantity.of(5, "EUR"), Quantity.parse("5EUR"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("12"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("kWh"));
        // one type per failure, so readers catch the type instead of matching the message
        assertEquals("12", assertThrows(MissingUnitException.class, () -> Quantity.parse("12")).text());
        assertEquals("kWh", assertThrows(NotAQuantityException.class, () -> Quantity.parse("kWh")).text());
        assertEquals("kwH", assertThrows(UnknownUnitException.class, () -> Quantity.parse("3 kwH")).symbol());
        assertEquals("mw", assertThrows(UnknownUnitException.class, () -> Units.of("mw")).symbol());
    }
}
