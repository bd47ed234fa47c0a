package dev.cradle.scenario.io;

import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A background database as read from its files, before provider linking and allocation: every amount
 * is already in its flow's reference unit, converted with the database's own unit groups and flow
 * properties. Readers ({@link OlcaJsonReader}, {@link EcoSpold2Reader}) produce it; {@link DatabaseLinker}
 * turns it into a product system.
 *
 * @param name      the archive's name
 * @param format    "openLCA JSON-LD (olca-schema 1.x)", "EcoSpold2", ...
 * @param flows     every flow by id (the database's UUIDs)
 * @param processes every process, in file order
 * @param globalParameters global parameters (names lower-cased, formulas in Cradle's language)
 * @param notes     what the reader changed or could not carry, one line each (never silent)
 * @param casNumbers CAS numbers of elementary flows by flow id, where the database gives one
 */
public record Database(String name, String format, Map<String, Flow> flows, List<Process> processes,
                       List<Parameter> globalParameters, List<String> notes, Map<String, String> casNumbers) {

    public Database {
        flows = Map.copyOf(flows);
        processes = List.copyOf(processes);
        globalParameters = List.copyOf(globalParameters);
        notes = List.copyOf(notes);
        casNumbers = Map.copyOf(casNumbers);
    }

    public Optional<Process> process(String id) {
        return processes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * One unit process of the database.
     *
     * @param id            the database's UUID
     * @param file          the file it came from, inside the archive
     * @param reference     index of the quantitative reference in {@code exchanges}
     * @param defaultAllocation the process's own allocation method, or null when it names none
     * @param parameters    process parameters (names lower-cased, formulas in Cradle's language)
     */
    public record Process(String id, String name, String location, String category, String file,
                          List<Exchange> exchanges, int reference, AllocationMethod defaultAllocation,
                          List<Allocation> allocationFactors, List<Parameter> parameters) {
        public Process {
            exchanges = List.copyOf(exchanges);
            allocationFactors = List.copyOf(allocationFactors);
            parameters = List.copyOf(parameters);
        }

        public Exchange referenceExchange() {
            return exchanges.get(reference);
        }

        public Flow referenceFlow() {
            return referenceExchange().flow();
        }
    }

    /**
     * One exchange, in the flow's reference unit.
     *
     * @param amount          the amount the database states (negative amounts are kept)
     * @param formula         the amount as a formula in Cradle's language (already multiplied by the unit
     *                        conversion), or null
     * @param defaultProvider the provider the database names for this input, or "" when none
     * @param internalId      the exchange's id inside its process (for causal allocation factors), or -1
     */
    public record Exchange(Flow flow, boolean input, double amount, String formula, boolean avoided,
                           String defaultProvider, Uncertainty uncertainty, int internalId) {
        /** True for the exchanges a process provides: product outputs and waste inputs (not avoided). */
        public boolean providesFlow() {
            if (avoided || flow.isElementary()) {
                return false;
            }
            return flow.isWaste() == input;
        }
    }

    /**
     * An allocation factor as the database states it.
     *
     * @param product  id of the co-product the share goes to
     * @param exchangeFlow for causal factors, the flow of the exchange it partitions ("" otherwise)
     * @param exchangeId   for causal factors, the exchange's internal id, or -1
     */
    public record Allocation(AllocationMethod method, String product, String exchangeFlow, int exchangeId,
                             double value, String formula) {
    }
}
