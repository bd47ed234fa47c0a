package dev.cradle.engine.ai;

/**
 * One step of the AI compilation: reads declarations (and what earlier rules derived) and adds
 * processes, parameters, allocation records and traces. Rules run in {@link #order()}; a new rule is
 * a new class registered in {@link AiModule}, not an edit to a switch.
 */
public interface Rule {
    /** Rules run in ascending order. */
    int order();

    /** Name shown in traces, e.g. "use-phase electricity". */
    String name();

    void apply(CompilationContext context);
}
