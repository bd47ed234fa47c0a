package dev.cradle.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.LifecycleStage;
import dev.cradle.validation.Studies.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/validation.md is the test's data: every row of its tables names a quantity by key; this test
 * recomputes it from the bundled examples and checks the published value within the stated
 * tolerance, and that the Cradle and deviation columns show what Cradle computes. The table cannot
 * drift from what CI checks.
 */
class ValidationTest {
    static final Path DOC = Path.of("../docs/validation.md");
    static final double LB = 0.45359237;

    /** Every quantity the validation table may name. */
    static final Map<String, Supplier<Double>> METRICS = new LinkedHashMap<>();

    static {
        for (String c : List.of("transformer_base", "transformer_big", "elmo", "bert_base", "nas")) {
            METRICS.put("strubell/" + c + "/kwh_pue", () -> s("strubell-2019").energy(c).facilityKwh());
            METRICS.put("strubell/" + c + "/lbs_co2e", () -> s("strubell-2019").use(c) / LB);
        }
        METRICS.put("strubell/beyond/embodied_kg", () -> s("strubell-2019").climate(Study.stage(LifecycleStage.MANUFACTURING)));
        METRICS.put("strubell/beyond/water_m3", () -> s("strubell-2019").total("water_consumption"));
        METRICS.put("strubell/beyond/water_scarcity_m3eq", () -> s("strubell-2019").total("water_scarcity"));
        for (String c : List.of("tbig_p100_us", "tbig_p100_iowa", "et_p100_iowa", "tbig_tpuv2_iowa", "et_tpuv2_iowa")) {
            METRICS.put("patterson-t1/" + c + "/kwh", () -> s("patterson-2021-table1").energy(c).facilityKwh());
            METRICS.put("patterson-t1/" + c + "/gross_t", () -> s("patterson-2021-table1").use(c) / 1000);
            METRICS.put("patterson-t1/" + c + "/net_t", () -> s("patterson-2021-table1").useMarket(c) / 1000);
        }
        METRICS.put("patterson-t1/beyond/embodied_kg",
                () -> s("patterson-2021-table1").climate(Study.stage(LifecycleStage.MANUFACTURING)));
        METRICS.put("patterson-t1/beyond/water_m3", () -> s("patterson-2021-table1").total("water_consumption"));
        for (String m : List.of("evolved_transformer_nas", "t5", "meena", "gshard_600b", "switch_transformer", "gpt_3")) {
            METRICS.put("patterson-t4/" + m + "/mwh", () -> s("patterson-2021-table4").energy(m).facilityKwh() / 1000);
            METRICS.put("patterson-t4/" + m + "/gross_t", () -> s("patterson-2021-table4").use(m) / 1000);
            METRICS.put("patterson-t4/" + m + "/net_t", () -> s("patterson-2021-table4").useMarket(m) / 1000);
        }
        METRICS.put("patterson-t4/beyond/gpt_3_embodied_t", () -> s("patterson-2021-table4")
                .climate(Study.model("gpt_3").and(Study.stage(LifecycleStage.MANUFACTURING))) / 1000);
        METRICS.put("patterson-t4/beyond/water_m3", () -> s("patterson-2021-table4").total("water_consumption"));
        METRICS.put("bloom/dynamic_t", () -> s("bloom-training").climate(Study.id("workload:bloom-training")) / 1000);
        METRICS.put("bloom/idle_t", () -> s("bloom-training").climate(Study.id("workload:bloom-training/idle:a100")) / 1000);
        METRICS.put("bloom/embodied_servers_t",
                () -> s("bloom-training").climate(Study.id("workload:bloom-training/servers/manufacturing")) / 1000);
        METRICS.put("bloom/embodied_gpus_t",
                () -> s("bloom-training").climate(Study.id("workload:bloom-training/a100/manufacturing")) / 1000);
        METRICS.put("bloom/embodied_t", () -> s("bloom-training").climate(Study.stage(LifecycleStage.MANUFACTURING)) / 1000);
        METRICS.put("bloom/total_t", () -> s("bloom-training").total("ipcc-ar6-gwp100/climate_change") / 1000);
        METRICS.put("bloom/beyond/adp_elements_kg_sbeq", () -> s("bloom-training").total("adp_elements"));
        METRICS.put("bloom/beyond/adp_fossil_mj", () -> s("bloom-training").total("adp_fossil"));
        METRICS.put("bloom/beyond/water_scarcity_m3eq", () -> s("bloom-training").total("water_scarcity"));
        METRICS.put("bloom-inference/wh_per_request", () -> {
            var e = s("bloom-inference").energy("bloom-api");
            return e.itKwh() * 1000 / e.queries();
        });
        METRICS.put("bloom-inference/kg_per_day", () -> s("bloom-inference").use("bloom") / 18);
        METRICS.put("bloom-inference/kg_total", () -> s("bloom-inference").use("bloom"));
        METRICS.put("bloom-inference/beyond/embodied_kg",
                () -> s("bloom-inference").climate(Study.stage(LifecycleStage.MANUFACTURING)));
        METRICS.put("bloom-inference/beyond/adp_elements_kg_sbeq", () -> s("bloom-inference").total("adp_elements"));
        METRICS.put("li/training_onsite_ml", () -> s("li-2023-gpt3-water").energy("gpt3-training").onsiteWaterL() / 1e6);
        METRICS.put("li/training_offsite_ml", () -> s("li-2023-gpt3-water").energy("gpt3-training").offsiteWaterL() / 1e6);
        METRICS.put("li/training_total_ml", () -> {
            var e = s("li-2023-gpt3-water").energy("gpt3-training");
            return (e.onsiteWaterL() + e.offsiteWaterL()) / 1e6;
        });
        METRICS.put("li/request_ml", () -> {
            var e = s("li-2023-gpt3-water").energy("gpt3-requests");
            return (e.onsiteWaterL() + e.offsiteWaterL()) * 1000 / e.queries();
        });
        METRICS.put("li/beyond/training_t_co2e", () -> s("li-2023-gpt3-water").use("gpt_3") / 1000
                - s("li-2023-gpt3-water").climate(Study.model("gpt_3").and(Study.stage(LifecycleStage.USE))
                .and(p -> p.phase() == dev.cradle.model.MlPhase.INFERENCE)) / 1000);
        METRICS.put("li/beyond/training_water_scarcity_m3eq", () -> s("li-2023-gpt3-water")
                .sum(s("li-2023-gpt3-water").location, "water_scarcity", p -> p.phase() == dev.cradle.model.MlPhase.TRAINING));
        METRICS.put("li/beyond/embodied_t", () -> s("li-2023-gpt3-water")
                .climate(Study.stage(LifecycleStage.MANUFACTURING)) / 1000);
        METRICS.put("wu/embodied_share_pct", () -> 100 * s("wu-2022-embodied-share")
                .climate(Study.stage(LifecycleStage.MANUFACTURING)) / s("wu-2022-embodied-share")
                .total("ipcc-ar6-gwp100/climate_change"));
        METRICS.put("green-algorithms/job/kwh", () -> s("green-algorithms-job").energy("job").facilityKwh());
        METRICS.put("green-algorithms/job/kg_co2e", () -> s("green-algorithms-job").use("job"));
        METRICS.put("green-algorithms/beyond/embodied_kg",
                () -> s("green-algorithms-job").climate(Study.stage(LifecycleStage.MANUFACTURING)));
        METRICS.put("wu/beyond/water_m3", () -> s("wu-2022-embodied-share").total("water_consumption"));
        for (String m : List.of("mistral-7b", "mixtral-8x7b")) {
            String w = m.substring(0, m.indexOf('-')) + "-request";
            String key = "ecologits/" + m.replace('-', '_') + "/";
            Supplier<Study> e = () -> s("ecologits-chat-requests");
            java.util.function.Predicate<dev.cradle.model.Process> made = Study.model(m)
                    .and(Study.stage(LifecycleStage.MANUFACTURING));
            METRICS.put(key + "energy_mwh", () -> e.get().energy(w).facilityKwh() * 1e6);
            METRICS.put(key + "gwp_usage_mg", () -> e.get().use(m) * 1e6);
            METRICS.put(key + "gwp_embodied_mg", () -> e.get().climate(made) * 1e6);
            METRICS.put(key + "adpe_embodied_ng", () -> e.get().sum(e.get().location, "adp_elements", made) * 1e12);
            METRICS.put(key + "pe_usage_j", () -> e.get().sum(e.get().location, "pe_total",
                    Study.model(m).and(Study.stage(LifecycleStage.USE))) * 1e6);
            METRICS.put(key + "pe_embodied_j", () -> e.get().sum(e.get().location, "pe_total", made) * 1e6);
            METRICS.put(key + "water_ml", () -> (e.get().energy(w).onsiteWaterL() + e.get().energy(w).offsiteWaterL()) * 1000);
        }
        METRICS.put("ecologits/beyond/range_gwp_mg", () -> s("ecologits-chat-requests").climate(Study.model("proprietary")) * 1e6);
        METRICS.put("ecologits/beyond/water_scarcity_ml_eq", () -> s("ecologits-chat-requests")
                .sum(s("ecologits-chat-requests").location, "water_scarcity", Study.model("mistral-7b")) * 1e6);
        // Boavizta's test_dell_r740_server, rebuilt bottom-up: the manufacturing stage of one server
        METRICS.put("boavizta/r740_gwp_kg", () -> s("bottom-up-gpu-server").climate(Study.id("workload:r740-life/dell-r740/manufacturing")));
        METRICS.put("boavizta/r740_adpe_kg_sb", () -> s("bottom-up-gpu-server").sum(s("bottom-up-gpu-server").location,
                "cml-ia-adp/adp_elements", Study.id("workload:r740-life/dell-r740/manufacturing")));
        METRICS.put("boavizta/r740_pe_mj", () -> s("bottom-up-gpu-server").flow("primary_energy_unspecified",
                Study.id("workload:r740-life/dell-r740/manufacturing")));
        METRICS.put("boavizta/medium_gwp_kg", () -> s("bottom-up-gpu-server").climate(
                Study.id("workload:medium-life/compute-medium/manufacturing")));
        METRICS.put("boavizta/medium_adpe_kg_sb", () -> s("bottom-up-gpu-server").sum(s("bottom-up-gpu-server").location,
                "cml-ia-adp/adp_elements", Study.id("workload:medium-life/compute-medium/manufacturing")));
        METRICS.put("boavizta/medium_pe_mj", () -> s("bottom-up-gpu-server").flow("primary_energy_unspecified",
                Study.id("workload:medium-life/compute-medium/manufacturing")));
        METRICS.put("boavizta/beyond/hgx_a100_gwp_kg", () -> s("bottom-up-gpu-server").climate(
                Study.id("workload:hgx-life/hgx-a100/manufacturing")));
        METRICS.put("boavizta/beyond/hgx_a100_adpe_kg_sb", () -> s("bottom-up-gpu-server").sum(s("bottom-up-gpu-server").location,
                "cml-ia-adp/adp_elements", Study.id("workload:hgx-life/hgx-a100/manufacturing")));
        // GPU cards from their parts: the embodied stages (manufacturing, transport, end of life) of one device
        String card = "gpu-card-bottom-up";
        METRICS.put("gpu-card/boavizta_h100_gwp_kg", () -> s(card).climate(embodied("h100-life", "h100-boavizta")));
        METRICS.put("gpu-card/boavizta_h100_adpe_kg_sb", () -> s(card).sum(s(card).location, "cml-ia-adp/adp_elements",
                embodied("h100-life", "h100-boavizta")));
        METRICS.put("gpu-card/boavizta_h100_pe_mj", () -> s(card).flow("primary_energy_unspecified",
                embodied("h100-life", "h100-boavizta")));
        METRICS.put("gpu-card/boavizta_two_cards_gwp_kg", () -> s(card).climate(embodied("two-cards-life", "two-24gb-cards")));
        METRICS.put("gpu-card/boavizta_two_cards_adpe_kg_sb", () -> s(card).sum(s(card).location, "cml-ia-adp/adp_elements",
                embodied("two-cards-life", "two-24gb-cards")));
        METRICS.put("gpu-card/boavizta_two_cards_pe_mj", () -> s(card).flow("primary_energy_unspecified",
                embodied("two-cards-life", "two-24gb-cards")));
        METRICS.put("gpu-card/calculator_h100_gwp_kg", () -> s(card).climate(embodied("calculator-life", "h100-calculator")));
        METRICS.put("gpu-card/calculator_h100_adpe_kg_sb", () -> s(card).sum(s(card).location, "cml-ia-adp/adp_elements",
                embodied("calculator-life", "h100-calculator")));
        METRICS.put("gpu-card/calculator_h100_adpf_mj", () -> s(card).sum(s(card).location, "cml-ia-adp/adp_fossil",
                embodied("calculator-life", "h100-calculator")));
        METRICS.put("gpu-card/ademe_h100_transport_gwp_kg", () -> s(card).climate(Study.id("workload:h100-life/h100-boavizta/transport")));
        METRICS.put("gpu-card/ademe_h100_transport_adpf_mj", () -> s(card).sum(s(card).location, "cml-ia-adp/adp_fossil",
                Study.id("workload:h100-life/h100-boavizta/transport")));
        METRICS.put("gpu-card/ademe_h100_eol_gwp_kg", () -> s(card).climate(Study.id("workload:h100-life/h100-boavizta/end_of_life")));
        METRICS.put("gpu-card/beyond/hgx_a100_gwp_kg", () -> s(card).climate(embodied("hgx-life", "hgx-a100")));
        METRICS.put("gpu-card/beyond/h100_water_scarcity_m3eq", () -> s(card).sum(s(card).location, "water_scarcity",
                embodied("h100-life", "h100-boavizta")));
        for (LifecycleStage st : List.of(LifecycleStage.MANUFACTURING, LifecycleStage.TRANSPORT, LifecycleStage.END_OF_LIFE)) {
            METRICS.put("uslci-hardware/" + st.key() + "_kg", () -> s("ai-hardware-on-uslci").climate(Study.stage(st)));
            METRICS.put("uslci-hardware/" + st.key() + "_cancer_pctuh", () -> 1e12 * s("ai-hardware-on-uslci")
                    .sum(s("ai-hardware-on-uslci").location, "human_toxicity_cancer", Study.stage(st)));
        }
        // a country grid's categories other than climate change from its country's generation mix (the Montreal run)
        Map<String, String> mixMetrics = Map.of("quebec_adp_fossil_mj", "adp_fossil",
                "quebec_pe_nonrenewable_mj", "pe_nonrenewable", "quebec_pe_renewable_mj", "pe_renewable",
                "quebec_water_m3", "water-consumption/water_consumption");
        mixMetrics.forEach((key, indicator) -> METRICS.put("country-mix/" + key, () -> s("quebec-vs-estonia")
                .sum(s("quebec-vs-estonia").location, indicator, Study.id("workload:train-quebec"))));
        METRICS.put("country-mix/quebec_cancer_pctuh", () -> 1e12 * s("quebec-vs-estonia")
                .sum(s("quebec-vs-estonia").location, "human_toxicity_cancer", Study.id("workload:train-quebec")));
    }

    static Study s(String name) {
        return Studies.get(name);
    }

    /** One row of a validation table. */
    record Row(String key, String published, String cradle, String deviation, String tolerance, int line) {
    }

    static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9_./-]+)`\\s*\\|(.*)$");

    static List<Row> rows() throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ROW.matcher(lines.get(i).trim());
            if (!m.matches()) {
                continue;
            }
            String[] cells = m.group(2).split("\\|", -1);
            if (cells.length >= 6 && !cells[1].isBlank() && isNumber(cells[1])) {
                // | key | quantity | published | cradle | deviation | tolerance | reason |
                out.add(new Row(m.group(1), cells[1].trim(), cells[2].trim(), cells[3].trim(), cells[4].trim(), i + 1));
            } else {
                // | key | quantity | cradle | unit | basis |
                out.add(new Row(m.group(1), null, cells[1].trim(), null, null, i + 1));
            }
        }
        return out;
    }

    static boolean isNumber(String s) {
        return s.trim().replace(",", "").replace("−", "-").matches("-?[0-9.]+(e-?[0-9]+)?");
    }

    static double number(String s) {
        return Double.parseDouble(s.trim().replace(",", "").replace("−", "-").replace(" %", "").replace("%", ""));
    }

    /** Half a unit of the last printed digit. */
    static double halfUlp(String printed) {
        String p = printed.trim().replace(",", "");
        int dot = p.indexOf('.');
        int decimals = dot < 0 ? 0 : p.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }

    @TestFactory
    List<DynamicTest> everyRowOfTheValidationTableHolds() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<Row> rows = rows();
        assertTrue(rows.size() >= 60, "validation.md has " + rows.size() + " rows");
        for (Row row : rows) {
            tests.add(DynamicTest.dynamicTest(row.key() + " (validation.md line " + row.line() + ")", () -> {
                Supplier<Double> metric = METRICS.get(row.key());
                assertTrue(metric != null, "no metric named " + row.key());
                double value = metric.get();
                if (System.getProperty("cradle.printValidation") != null) {
                    System.out.printf("VALIDATION %s = %.10g%n", row.key(), value);
                }
                double shown = number(row.cradle());
                assertEquals(shown, value, halfUlp(row.cradle()) * 1.0001,
                        "the Cradle column of " + row.key() + " shows " + row.cradle() + " but Cradle computes " + value);
                if (row.published() == null) {
                    return;
                }
                double published = number(row.published());
                double deviationPct = (value - published) / published * 100;
                assertEquals(number(row.deviation()), deviationPct, 0.051,
                        "deviation column of " + row.key());
                String tol = row.tolerance().replace("±", "").trim();
                if (tol.endsWith("%")) {
                    double pct = number(tol);
                    assertTrue(Math.abs(deviationPct) <= pct + 1e-9, row.key() + ": " + deviationPct + " % exceeds ±" + pct + " %");
                } else {
                    double abs = number(tol);
                    assertTrue(Math.abs(value - published) <= abs + 1e-12, row.key() + ": |" + value + " − " + published
                            + "| exceeds " + abs);
                }
            }));
        }
        return tests;
    }

    /** The embodied stages (manufacturing, transport, end of life) of hardware {@code h} in workload {@code w}. */
    private static java.util.function.Predicate<dev.cradle.model.Process> embodied(String w, String h) {
        return p -> List.of("manufacturing", "transport", "end_of_life").stream()
                .anyMatch(st -> p.id().equals("workload:" + w + "/" + h + "/" + st));
    }

    @Test
    void everyStudyOfTheIssueIsInTheTable() throws Exception {
        List<String> keys = rows().stream().map(Row::key).toList();
        for (String prefix : List.of("strubell/", "patterson-t1/", "patterson-t4/", "bloom/", "bloom-inference/", "li/",
                "wu/", "boavizta/", "green-algorithms/", "gpu-card/")) {
            assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix)), prefix);
            assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix + "beyond/")), prefix + "beyond/ (what the paper left out)");
        }
    }
}
