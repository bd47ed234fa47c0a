/**
 * Reference data seen by the AI rules: the narrow, typed interface {@link dev.cradle.model.data.ReferenceData}
 * (device archetypes, grids, transport, end of life, water, flows, methods), the category ids and reference
 * flows it speaks in, and {@link dev.cradle.model.data.InMemoryReferenceData}, a builder for a user's own data.
 */
package dev.cradle.model.data;
