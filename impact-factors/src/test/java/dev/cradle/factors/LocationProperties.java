package dev.cradle.factors;

import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.data.WaterLocation;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for any location a user may write: never a silent world average, never a wrong level. */
class LocationProperties {
    private final FactorLibrary lib = FactorLibrary.bundled();

    @Provide
    Arbitrary<String> locations() {
        List<String> known = List.copyOf(lib.awareFactors().keySet());
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(4);
        return Arbitraries.oneOf(Arbitraries.of(known),
                Combinators.combine(Arbitraries.of(known), letters).as((c, s) -> c + "-" + s),
                letters, Arbitraries.strings().ofMaxLength(6));
    }

    @Property
    void waterResolvesToTheMostSpecificLevelAndSaysSoWhenItFallsBack(@ForAll("locations") String code) {
        WaterLocation w = lib.waterLocation(code);
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("sub-national", "country", "global").contains(w.level())) {
            throw new AssertionError("level " + w.level());
        }
        // the factor reported is the one the AWARE 2.0 method applies to the flow chosen
        double cf = lib.method("aware-2.0").orElseThrow().categories().get(0).factors().stream()
                .filter(f -> f.flow().equals(w.flow())).mapToDouble(CharacterisationFactor::value).findFirst().orElseThrow();
        if (cf != w.awareFactor()) {
            throw new AssertionError(code + ": " + cf + " vs " + w.awareFactor());
        }
        boolean asGiven = lib.awareFactors().containsKey(c);
        if (asGiven != w.note().isEmpty()) {
            throw new AssertionError(code + ": a fallback must say so, and only a fallback: '" + w.note() + "'");
        }
        int dash = c.indexOf('-');
        if (!asGiven && dash > 0 && lib.awareFactors().containsKey(c.substring(0, dash)) && !w.level().equals("country")) {
            throw new AssertionError(code + ": a state AWARE lacks falls back to its country, not " + w.level());
        }
    }

    @Property
    void aMissingGridAlwaysNamesWhatToUseInstead(@ForAll("locations") String code) {
        if (lib.grid(code).isPresent()) {
            return;
        }
        String advice = lib.missingGridAdvice(code);
        int dash = code.indexOf('-');
        if (dash > 0 && lib.grid(code.substring(0, dash)).filter(g -> g.level().equals("country")).isPresent()
                && !advice.contains("nearest level available is the country: grid " + code.substring(0, dash))) {
            throw new AssertionError(code + ": " + advice);
        }
        if (!advice.startsWith("no ")) {
            throw new AssertionError(advice);
        }
    }
}
