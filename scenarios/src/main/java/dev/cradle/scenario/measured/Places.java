package dev.cradle.scenario.measured;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ISO 3166-1 country codes: CodeCarbon writes alpha-3 ({@code FRA}); the factor library's grids use alpha-2 ({@code FR}). */
final class Places {
    private static final Map<String, String> ALPHA3_TO_2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            ALPHA3_TO_2.put(new Locale("", a2).getISO3Country(), a2);
        }
    }

    private Places() {
    }

    /** The alpha-2 code for an alpha-2 or alpha-3 code, if it is one. */
    static Optional<String> alpha2(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() == 2 && Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(c)) {
            return Optional.of(c);
        }
        return Optional.ofNullable(ALPHA3_TO_2.get(c));
    }
}
