package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Exchange;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled USLCI (openLCA JSON-LD, 766 processes): every process's cumulative GWP100 from the
 * engine's one-factorisation solve agrees, to 1e-9 relative, with two independent computations from
 * the linked exchange records themselves — a dense LU of the whole 766 × 766 system (Apache Commons
 * Math) and a matrix-free fixed-point iteration {@code y_j = (direct_j + Σ input × y_provider) / output_j}.
 * The comparison runs on the stored amounts (formulas off) so that both sides read the same numbers;
 * a separate test shows the formulas reproduce them.
 */
class UslciWholeDatabaseTest {
    private static final FactorLibrary LIB = FactorLibrary.bundled();
    private static LinkedDatabase linked;
    private static DatabaseResults results;
    private static ImpactMethod gwp;

    @BeforeAll
    static void importUslci() {
        Database db = Databases.read("uslci");
        linked = DatabaseLinker.link(db, new ImportOptions(ImportOptions.Allocation.AS_DEFINED,
                ImportOptions.Ambiguity.CUT_OFF, false));
        FlowMapping mapping = new FlowMapping(LIB.flows().values());
        gwp = mapping.map(LIB.method("ipcc-ar6-gwp100").orElseThrow(), DatabaseCalculator.usedElementaryFlows(linked))
                .method();
        results = DatabaseCalculator.calculate(linked, List.of(LIB.method("ipcc-ar6-gwp100").orElseThrow()), mapping);
    }

    @Test
    void theImportHasTheCountsOfTheRelease() {
        Database db = linked.database();
        // counted from the files (shared/data/uslci/README.md): 766 processes, 4,601 flows
        assertEquals(766, db.processes().size());
        assertEquals(4601, db.flows().size());
        LinkingReport r = linked.report();
        assertEquals(0, r.linkedByDefault(), "USLCI names no default provider");
        // 'Diesel, at refinery' is the reference of two refinery processes, 'Harvesting, fresh fruit bunch,
        // at farm' of two farm processes: their 135 inputs are ambiguous
        assertEquals(135, r.ambiguous().size());
        assertTrue(r.ambiguous().stream().allMatch(l -> l.flowName().equals("Diesel, at refinery")
                || l.flowName().equals("Harvesting, fresh fruit bunch, at farm")));
        assertTrue(r.ambiguous().stream().filter(l -> l.flowName().equals("Diesel, at refinery")).count() > 100);
        assertEquals(2441, r.declaredCutOffs(), "inputs whose flow name begins with CUTOFF");
        assertEquals(2829, r.missing().size());
        assertEquals(3590, r.linkedUnique());
        assertEquals(132, r.multiOutput(), "processes with more than one product output");
        // 40 processes carry allocation factors (README): 3 of the multi-output ones, 37 single-product ones
        assertEquals(37, r.allocation().size() - r.multiOutput(), "single-product processes with leftover factors");
        assertEquals(3, r.allocation().stream().filter(l -> l.contains("allocation factors are not used")).count());
        assertEquals(766, results.rows().size());
    }

    /** Direct GWP per run of each process and the technosphere, straight from the model records. */
    private record Records(Map<String, Integer> index, double[] output, double[] direct, List<List<double[]>> inputs) {
    }

    private static Records records() {
        Map<String, Double> cf = new HashMap<>();
        for (CharacterisationFactor f : gwp.categories().get(0).factors()) {
            cf.put(f.flow().id(), f.value());
        }
        List<Process> ps = linked.processes();
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < ps.size(); j++) {
            index.put(ps.get(j).id(), j);
        }
        int n = ps.size();
        double[] output = new double[n];
        double[] direct = new double[n];
        List<List<double[]>> inputs = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            List<double[]> in = new ArrayList<>();
            for (Exchange e : ps.get(j).exchanges()) {
                double a = ((Amount.Constant) e.amount()).value();
                double sign = e.isOutput() ? 1 : -1;
                if (e.isProviderSide()) {
                    output[j] += sign * a;
                } else if (e.flow().isElementary()) {
                    boolean resource = e.flow().isInputByNature();
                    double natural = e.isInput() == resource ? 1 : -1;
                    direct[j] += cf.getOrDefault(e.flow().id(), 0.0) * natural * a;
                } else {
                    // a linked product input (negative in A) or, with sign +1, a linked output
                    in.add(new double[]{index.get(e.provider()), -sign * a});
                }
            }
            inputs.add(in);
        }
        return new Records(index, output, direct, inputs);
    }

    /**
     * 1e-9 relative, plus 1e-12 kg CO2-eq absolute: processes whose true result is 0 (no characterised
     * flow upstream) come out of a dense LU as rounding noise of order 1e-15.
     */
    private static double tolerance(double expected) {
        return 1e-9 * Math.abs(expected) + 1e-12;
    }

    @Test
    void everyProcessAgreesWithADenseLuOfTheWholeSystem() {
        Records r = records();
        int n = r.output().length;
        double[][] at = new double[n][n]; // Aᵀ
        for (int j = 0; j < n; j++) {
            at[j][j] += r.output()[j];
            for (double[] in : r.inputs().get(j)) {
                at[j][(int) in[0]] -= in[1];
            }
        }
        RealVector y = new LUDecomposition(new Array2DRowRealMatrix(at, false)).getSolver()
                .solve(new ArrayRealVector(r.direct()));
        int k = results.indicator("climate_change");
        for (DatabaseResults.Row row : results.rows()) {
            double expected = y.getEntry(r.index().get(row.processId()));
            assertEquals(expected, row.values()[k], tolerance(expected), row.name());
        }
    }

    @Test
    void everyProcessAgreesWithAMatrixFreeFixedPointOnTheExchangeRecords() {
        Records r = records();
        int n = r.output().length;
        double[] y = new double[n];
        double[] next = new double[n];
        // Jacobi iteration y ← (direct + Σ input·y_provider)/output; the loops' gain (0.41) < 1 makes it converge
        for (int it = 0; it < 20_000; it++) {
            double change = 0;
            for (int j = 0; j < n; j++) {
                double v = r.direct()[j];
                for (double[] in : r.inputs().get(j)) {
                    v += in[1] * y[(int) in[0]];
                }
                next[j] = v / r.output()[j];
                change = Math.max(change, Math.abs(next[j] - y[j]) / Math.max(1e-300, Math.abs(next[j])));
            }
            double[] t = y;
            y = next;
            next = t;
            if (change < 1e-15) {
                break;
            }
        }
        int k = results.indicator("climate_change");
        for (DatabaseResults.Row row : results.rows()) {
            double expected = y[r.index().get(row.processId())];
            assertEquals(expected, row.values()[k], tolerance(expected), row.name());
        }
    }

    @Test
    void oneLevelHandCalculations() {
        int k = results.indicator("climate_change");
        Records r = records();
        // A process = its direct emissions + Σ input × provider's cumulative result, per unit of output.
        for (String name : List.of("Electricity, at grid, US, 2000", "Natural gas, processed, at plant",
                "Bituminous coal, at mine")) {
            Process p = linked.processes().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            int j = r.index().get(p.id());
            double sum = r.direct()[j];
            for (double[] in : r.inputs().get(j)) {
                sum += in[1] * results.rows().get((int) in[0]).values()[k];
            }
            assertEquals(sum / r.output()[j], results.row(p.id()).values()[k], 1e-9 * Math.abs(sum), name);
        }
        // Electricity, at grid, US, 2000: 0.2186 kg CO2-eq per MJ (= 0.787 per kWh), of which nothing is
        // direct: the grid mix passes on its power plants' emissions plus its own transmission losses.
        assertEquals(0.2186, results.row("b65eb774-e80d-3ba6-a63c-5e1a5e33e54b").values()[k], 5e-5);
        assertEquals(0.0, r.direct()[r.index().get("b65eb774-e80d-3ba6-a63c-5e1a5e33e54b")], 0.0);
    }

    @Test
    void theDatabasesFormulasReproduceItsStoredAmounts() {
        LinkedDatabase withFormulas = DatabaseLinker.link(linked.database(), ImportOptions.defaults());
        DatabaseResults f = DatabaseCalculator.calculate(withFormulas, List.of(LIB.method("ipcc-ar6-gwp100").orElseThrow()),
                new FlowMapping(LIB.flows().values()));
        int k = f.indicator("climate_change");
        for (DatabaseResults.Row row : f.rows()) {
            double stored = results.row(row.processId()).values()[k];
            assertEquals(stored, row.values()[k], 1e-9 * Math.max(1e-12, Math.abs(stored)), row.name());
        }
    }
}
