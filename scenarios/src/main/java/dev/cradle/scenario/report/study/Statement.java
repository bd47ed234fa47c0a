package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.OutputStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short reporting statement a researcher pastes into a paper: hardware, device-hours, region and grid
 * intensity, PUE, energy, emissions with their interval, and what was left out — as plain text, Markdown
 * (statement.md) and LaTeX (statement.tex, every special character escaped).
 */
final class Statement {
    private Statement() {
    }

    /** The statement as plain sentences (unescaped). */
    static String plain(StudyReport r) {
        List<String> s = new ArrayList<>();
        StudyFacts f = r.facts();
        s.add("We estimated the environmental footprint of " + r.title() + " with Cradle, a life cycle assessment "
                + "engine following ISO 14040/14044, per " + r.study().units().get(0).id() + ".");
        if (!f.hardware().isEmpty()) {
            s.add("Hardware: " + String.join("; ", f.hardware()) + ".");
        }
        if (f.hasWorkloads()) {
            s.add("The workloads ran " + Fmt.number(f.deviceHours()) + " device-hours and drew " + Fmt.number(f.itKwh())
                    + " kWh of IT energy, " + Fmt.number(f.facilityKwh()) + " kWh at the facility.");
        }
        for (StudyFacts.DatacenterFact d : f.datacenters()) {
            s.add("Datacenter " + d.name() + ": region " + d.region() + ", grid intensity "
                    + (Double.isNaN(d.gridKgPerKwh()) ? "not known" : Fmt.number(d.gridKgPerKwh() * 1000) + " g CO2-eq/kWh")
                    + (Double.isNaN(d.marketKgPerKwh()) ? "" : " (market-based, with its contracts, "
                    + Fmt.number(d.marketKgPerKwh() * 1000) + " g CO2-eq/kWh)")
                    + (Double.isNaN(d.pue()) ? ", PUE not declared" : ", PUE " + Fmt.number(d.pue())) + ".");
        }
        if (!f.mixes().isEmpty()) {
            s.add("The electricity's human toxicity, fossil depletion, primary energy and off-site water come from the "
                    + "generation mix of " + String.join(", ", f.mixes()) + " (Our World in Data, CC BY 4.0) × per-source "
                    + "factors (USLCI, a US proxy, for toxicity and fossil depletion); its climate change from the grid "
                    + "intensity above.");
        }
        if (!f.hasWorkloads() && f.datacenters().isEmpty()) {
            s.add("The study is written as processes: it declares no hardware, workloads or datacenters.");
        }
        StudyReport.Indicator h = r.headline();
        if (h != null) {
            String what = h.key().endsWith("/climate_change") ? "Emissions" : h.name();
            StringBuilder e = new StringBuilder(what + ": " + Fmt.number(h.location()) + " " + h.unit()
                    + " (" + h.key() + ", location-based");
            OutputStatistics st = h.total();
            if (st != null) {
                e.append("; 95 % interval ").append(Fmt.number(st.p2_5())).append(" to ").append(Fmt.number(st.p97_5()))
                        .append(", mean ").append(Fmt.number(st.mean())).append(", from ")
                        .append(String.format(Locale.ROOT, "%,d", st.draws())).append(" Monte Carlo draws over ")
                        .append(r.analysis().parameters().size()).append(r.analysis().parameters().size() == 1
                                ? " uncertain parameter, seed " : " uncertain parameters, seed ")
                        .append(r.analysis().options().seed());
                if (h.location() < st.p2_5() || h.location() > st.p97_5()) {
                    e.append("; the result at the central values lies ").append(h.location() > st.p97_5() ? "above" : "below")
                            .append(" this interval because some central values sit at an end of their distributions, "
                                    + "e.g. a library figure whose default is the upper estimate of its range");
                }
            } else {
                e.append("; no distributions were given, so no interval");
            }
            e.append(')');
            if (!Double.isNaN(h.market()) && (h.market() != h.location() || h.marketDiffers(r.analysis()))) {
                e.append("; market-based ").append(Fmt.number(h.market())).append(' ').append(h.unit());
                OutputStatistics m = r.analysis().hasMarketBasis() ? h.total(r.analysis().market().results()) : null;
                if (m != null) {
                    e.append(" (95 % interval ").append(Fmt.number(m.p2_5())).append(" to ")
                            .append(Fmt.number(m.p97_5())).append(", mean ").append(Fmt.number(m.mean()))
                            .append(", same draws)");
                }
            }
            s.add(e + ".");
        }
        if (!f.leftOut().isEmpty()) {
            s.add("Left out: " + String.join("; ", f.leftOut()) + ".");
        }
        return String.join(" ", s);
    }

    static String markdown(StudyReport r) {
        return "# Reporting statement: " + Fmt.md(r.title()) + "\n\n" + Fmt.md(plain(r)) + "\n";
    }

    static String latex(StudyReport r) {
        return "% Reporting statement written by Cradle for " + Fmt.tex(r.study().file().getFileName().toString())
                + "\n% Paste into the methods or appendix of a paper.\n" + Fmt.tex(plain(r)) + "\n";
    }
}
