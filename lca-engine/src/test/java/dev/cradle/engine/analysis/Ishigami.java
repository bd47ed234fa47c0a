package dev.cradle.engine.analysis;

import dev.cradle.model.Uncertainty;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ ~ U(−π, π) (Ishigami and Homma, 1990), with
 * a = 7, b = 0.1, plus {@code dummies} inputs it does not read.
 */
final class Ishigami {
    static final double A = 7;
    static final double B = 0.1;

    private Ishigami() {
    }

    static ParametricModel model(int dummies) {
        return ParametricModel.of(new double[3 + dummies], List.of("f"), (p, out) -> out[0] =
                Math.sin(p[0]) + A * Math.sin(p[1]) * Math.sin(p[1]) + B * Math.pow(p[2], 4) * Math.sin(p[0]));
    }

    static List<UncertainParameter> parameters(int dummies) {
        List<UncertainParameter> list = new ArrayList<>();
        for (int i = 0; i < 3 + dummies; i++) {
            list.add(UncertainParameter.of(i < 3 ? "x" + (i + 1) : "dummy" + (i - 2), i,
                    new Uncertainty.Uniform(-Math.PI, Math.PI)));
        }
        return list;
    }
}
