/**
 * Background databases in: openLCA JSON-LD ({@link dev.cradle.scenario.io.OlcaJsonReader}) and
 * EcoSpold2 ({@link dev.cradle.scenario.io.EcoSpold2Reader}) read into one neutral {@link
 * dev.cradle.scenario.io.Database}; {@link dev.cradle.scenario.io.DatabaseLinker} links providers and
 * applies allocation into Cradle's model records under named policies with a {@link
 * dev.cradle.scenario.io.LinkingReport}; {@link dev.cradle.scenario.io.FlowMapping} characterises the
 * imported elementary flows with the library's methods; {@link dev.cradle.scenario.io.DatabaseCalculator}
 * gives every process's cumulative results from one factorisation. See docs/databases.md.
 */
package dev.cradle.scenario.io;
