package dev.cradle.scenario.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The named policies an import runs under; every one of them is printed with the results.
 *
 * @param allocation how multi-output processes are partitioned
 * @param ambiguous  what to do when several processes provide a flow and none is named as default provider
 * @param formulas   true to carry the database's formulas and parameters (false: the amounts stored in the files)
 */
public record ImportOptions(Allocation allocation, Ambiguity ambiguous, boolean formulas) {

    /** The defaults: allocation as the data defines it, ambiguous providers cut off, formulas carried. */
    public static ImportOptions defaults() {
        return new ImportOptions(Allocation.AS_DEFINED, Ambiguity.CUT_OFF, true);
    }

    public ImportOptions withAllocation(Allocation a) {
        return new ImportOptions(a, ambiguous, formulas);
    }

    public ImportOptions withAmbiguous(Ambiguity a) {
        return new ImportOptions(allocation, a, formulas);
    }

    /** Allocation of multi-output processes. */
    public enum Allocation {
        /** Each process's own default method and factors; none where it defines none or its factors are unusable. */
        AS_DEFINED,
        /** No partition: the whole burden on the quantitative reference; other co-products are not credited. */
        NONE,
        /** The database's physical factors (unusable ones reported, then none). */
        PHYSICAL,
        /** The database's economic factors (unusable ones reported, then none). */
        ECONOMIC,
        /** The database's causal factors per exchange, physical where an exchange has none. */
        CAUSAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Allocation> fromKey(String k) {
            for (Allocation a : values()) {
                if (a.key().equals(k.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** The policy for a flow with several possible providers and no default provider. */
    public enum Ambiguity {
        /** Leave the input unlinked (cut off), listed in the linking report. */
        CUT_OFF,
        /** Link the candidate whose process UUID sorts first (a stated, reproducible, arbitrary rule). */
        FIRST_BY_ID;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Ambiguity> fromKey(String k) {
            for (Ambiguity a : values()) {
                if (a.key().equals(k.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }
}
