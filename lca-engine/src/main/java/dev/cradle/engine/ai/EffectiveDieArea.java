package dev.cradle.engine.ai;

/**
 * The wafer area one working die costs, losses included, after the ADEME / Hubblo / Tide GPU model
 * (hubblo-org/gpu-calculator@2308a62b, src/lib/gpu/calculations.ts {@code computeDieSurface}; BoaviztAPI applies
 * the same arithmetic, components/gpu.py, cited). A die of {@code A} mm2 with kerf {@code k} mm takes
 * {@code s = (√A + k)²} of a wafer of diameter {@code d} mm and area {@code W = π d² / 4}; the wafer holds
 * {@code n = W / s − π d / √(2 s)} dies (the squares that fit in a circle, wafer-edge loss); a share
 * {@code Y = exp(−√(a · D0))} of them works (a in cm2, {@code D0} defects per cm2); each working die costs
 * {@code W / (n · Y)} mm2 of processed wafer. Two variants, as the two tools compute it:
 * <ul>
 * <li>{@link Variant#BOAVIZTA}: {@code n} as a real number, {@code a = s} (kerf included);</li>
 * <li>{@link Variant#GPU_CALCULATOR}: {@code n} rounded to a whole number of dies, {@code a = A}.</li>
 * </ul>
 * For the H100's 814 mm2 die (d = 300 mm, k = 0.2 mm, D0 = 0.1 per cm2) they give 2,808.4 and 2,810.4 mm2. The
 * calculator's documentation names Murphy's yield model; its code applies this exponential form (Seeds') to the
 * die surfaces, and Murphy's only when it derives its average factors.
 *
 * @param defectsPerCm2  D0, defects per cm2
 * @param kerfMm         k, kerf width, mm
 * @param waferDiameterMm d, wafer diameter, mm
 */
record EffectiveDieArea(double defectsPerCm2, double kerfMm, double waferDiameterMm) {
    /** Which tool's arithmetic. */
    enum Variant { BOAVIZTA, GPU_CALCULATOR }

    /** The effective area, mm2 of wafer per working die, of a die of {@code dieMm2} mm2. */
    double of(double dieMm2, Variant v) {
        return of(Value.of(dieMm2), v).central();
    }

    /**
     * The dies of {@code dieMm2} mm2 the wafer holds after kerf and edge losses, {@code n = W / s − π d / √(2 s)} as a
     * real number. Below 1 the model has no whole die to charge the wafer to (its effective area turns infinite or
     * negative): for a 300 mm wafer and a 0.2 mm kerf that is a die above about 8,625 mm2, ten times one lithography
     * field (26 × 33 mm = 858 mm2).
     */
    double diesPerWafer(double dieMm2) {
        double wafer = Math.PI * waferDiameterMm * waferDiameterMm / 4;
        double side = Math.sqrt(dieMm2) + kerfMm;
        double s = side * side;
        return wafer / s - Math.PI * waferDiameterMm / Math.sqrt(2 * s);
    }

    /** The largest die, mm2, of which the wafer still holds one whole die ({@link #diesPerWafer} = 1). */
    double largestDieMm2() {
        double lo = 0;
        double hi = Math.PI * waferDiameterMm * waferDiameterMm / 4;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (diesPerWafer(mid) >= 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The effective area as a formula over the die area (a parameter or an expression of parameters). */
    Value of(Value dieMm2, Variant v) {
        double wafer = Math.PI * waferDiameterMm * waferDiameterMm / 4;
        Value side = Value.call("sqrt", dieMm2).plus(kerfMm);
        Value s = side.times(side);
        Value dies = Value.of(wafer).div(s).minus(Value.of(Math.PI * waferDiameterMm).div(Value.call("sqrt", s.times(2))));
        if (v == Variant.GPU_CALCULATOR) {
            dies = Value.call("round", dies);
        }
        Value cm2 = (v == Variant.BOAVIZTA ? s : dieMm2).div(100);
        Value working = Value.call("exp", Value.of(0).minus(Value.call("sqrt", cm2.times(defectsPerCm2))));
        return Value.of(wafer).div(dies.times(working));
    }
}
