package dev.cradle.scenario.report;

import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import java.util.function.IntFunction;

/**
 * How the reports show the processes a grouping (ML phase, model, device, datacenter) does not reach. Contributions
 * are each process's own flows; a process without the phase or tag falls in {@link LcaResult#UNASSIGNED}, the key
 * results.json and the CSV tables keep. For people, that group is named for what its processes lack ("not assigned to
 * an ML phase"), and a grouping in which no declared member has a direct contribution is not shown as a table: it
 * would read like a phase result of 100 %.
 */
public final class Groupings {
    private Groupings() {
    }

    /**
     * The name a report shows for {@code member} of {@code breakdown} ({@code phase}, {@code model}, {@code device},
     * {@code datacenter}, …): the member itself, or for {@link LcaResult#UNASSIGNED} "not assigned to an ML phase"
     * (phase) or "no &lt;tag&gt; declared".
     */
    public static String label(String breakdown, String member) {
        if (!LcaResult.UNASSIGNED.equals(member)) {
            return member;
        }
        return breakdown.equals("phase") ? "not assigned to an ML phase" : "no " + breakdown + " declared";
    }

    /** True when a member other than {@link LcaResult#UNASSIGNED} is non-zero in one of the {@code indicators}. */
    public static boolean assignsAny(int indicators, IntFunction<Contributions> by) {
        for (int k = 0; k < indicators; k++) {
            for (var e : by.apply(k).values().entrySet()) {
                if (!e.getKey().equals(LcaResult.UNASSIGNED) && e.getValue() != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
