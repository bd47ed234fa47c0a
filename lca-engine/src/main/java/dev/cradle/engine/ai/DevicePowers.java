package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.model.data.DevicePower;
import java.util.Optional;

/**
 * The average power of one device of a hardware group, W, and where it comes from: the hardware's declared
 * {@code power}; else the archetype's default from the factor library — a measured average per device where
 * one is published (Patterson et al. 2021 Table 3), else the TDP — as the library parameter
 * {@code hardware.<id>.power} with the library's range (so the default is reported, sampled and can be
 * overridden by a scenario parameter of that name); else not known (NaN).
 */
final class DevicePowers {
    private DevicePowers() {
    }

    /**
     * @param watts per device, W (a NaN constant when not known)
     * @param basis how the figure was chosen, for traces ("declared", "library default ...", "not known")
     */
    record Choice(Value watts, String basis) {
        boolean known() {
            return !Double.isNaN(watts.central());
        }
    }

    /** The library parameter name of hardware {@code h}'s default power. */
    static String parameterName(Hardware h) {
        return "hardware." + Rules.nameSegment(h.id()) + ".power";
    }

    static Choice of(CompilationContext ctx, Hardware h) {
        if (h.powerW() != null) {
            return new Choice(ctx.value(h.powerW()), "declared on hardware '" + h.id() + "'");
        }
        Optional<DevicePower> p = h.archetype().isEmpty() ? Optional.empty() : ctx.library().devicePower(h.archetype());
        if (p.isEmpty() || Double.isNaN(p.get().typicalW())) {
            return new Choice(Value.of(Double.NaN), "not known");
        }
        DevicePower d = p.get();
        String basis = "library default for " + h.archetype() + ": "
                + (d.basis().isEmpty() ? (d.measured() ? "measured average " : "TDP ") + Rules.fmt(d.typicalW()) + " W"
                : d.basis());
        if (d.range() == null) {
            return new Choice(Value.of(d.typicalW()), basis);
        }
        String name = parameterName(h);
        Value v = ctx.libraryParameter(name, d.typicalW(), "W", d.range(), "average power of one device of hardware "
                + h.id() + " (" + basis + ")");
        return new Choice(v, basis + "; parameter " + name);
    }
}
