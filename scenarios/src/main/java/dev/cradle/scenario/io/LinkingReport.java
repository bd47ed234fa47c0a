package dev.cradle.scenario.io;

import java.util.List;

/**
 * What provider linking and allocation did to a database, item by item: nothing is cut off, guessed or
 * partitioned silently.
 *
 * @param processes         processes in the linked system
 * @param linkedByDefault   inputs linked to the provider the database names
 * @param linkedUnique      inputs linked to the only process whose reference product is the flow
 * @param ambiguous         inputs with several candidate providers and no default, with their resolution
 * @param missing           inputs no process provides: cut off (declared cut-offs, whose flow name starts
 *                          with "CUTOFF", are among them and counted apart)
 * @param allocation        one line per multi-output process (how it was partitioned, or why not) and per
 *                          single-product process that carries allocation factors (not used)
 * @param notes             what the reader could not carry (formulas, uncertainty), one line each
 */
public record LinkingReport(ImportOptions options, int processes, int linkedByDefault, int linkedUnique,
                            List<Link> ambiguous, List<Link> missing, List<String> allocation, List<String> notes) {

    public LinkingReport {
        ambiguous = List.copyOf(ambiguous);
        missing = List.copyOf(missing);
        allocation = List.copyOf(allocation);
        notes = List.copyOf(notes);
    }

    /**
     * One input that was not linked by a default provider or a unique provider.
     *
     * @param candidates the processes that could provide it (empty when none)
     * @param resolution what was done: "cut off" or "linked to <id> (first by id)"
     */
    public record Link(String processId, String processName, String flowId, String flowName, double amount,
                       String unit, List<String> candidates, String resolution) {
        public Link {
            candidates = List.copyOf(candidates);
        }
    }

    /** Missing providers whose flow the database itself marks as a cut-off (name starting with "CUTOFF"). */
    public long declaredCutOffs() {
        return missing.stream().filter(l -> l.flowName().trim().toUpperCase(java.util.Locale.ROOT).startsWith("CUTOFF"))
                .count();
    }

    /** Every input left unlinked: missing providers plus ambiguous ones cut off. */
    public long cutOffs() {
        return missing.size() + ambiguous.stream().filter(l -> l.resolution().equals("cut off")).count();
    }

    /** Multi-output processes among the allocation lines. */
    public long multiOutput() {
        return allocation.stream().filter(l -> !l.contains(") has one product but carries ")).count();
    }

    /** A summary in a few lines, for {@code db info} and the head of {@code db calc}. */
    public List<String> summary() {
        long ambiguousCut = ambiguous.stream().filter(l -> l.resolution().equals("cut off")).count();
        return List.of(
                "policies: allocation " + options.allocation().key() + ", ambiguous providers " + options.ambiguous().key()
                        + ", missing providers cut-off, formulas " + (options.formulas() ? "carried" : "not carried"),
                "linked inputs: " + linkedByDefault + " by default provider, " + linkedUnique + " to the unique provider",
                "ambiguous inputs: " + ambiguous.size() + " (" + ambiguousCut + " cut off, "
                        + (ambiguous.size() - ambiguousCut) + " linked by rule " + options.ambiguous().key() + ")",
                "inputs with no provider, cut off: " + missing.size() + " (" + declaredCutOffs()
                        + " declared CUTOFF flows, " + (missing.size() - declaredCutOffs()) + " others)",
                "multi-output processes: " + multiOutput() + "; single-product processes with leftover allocation factors "
                        + "(not used): " + (allocation.size() - multiOutput()) + "; import notes: " + notes.size());
    }
}
