/** The LCA vocabulary: flows, units, processes, product systems, impact methods, parameters. */
package dev.cradle.model;
