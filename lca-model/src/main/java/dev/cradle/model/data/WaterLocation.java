package dev.cradle.model.data;

import dev.cradle.model.Flow;

/**
 * The water-consumed flow chosen for a location, with the AWARE level it was resolved at.
 *
 * @param flow        the regionalised flow ({@code water_consumed_ca_qc}) or, for a location AWARE 2.0
 *                    does not cover, the unspecified-location flow {@code water_consumed}
 * @param level       {@code sub-national}, {@code country} or {@code global}
 * @param awareFactor the AWARE 2.0 non-irrigation factor of that flow, m3 world-eq per m3
 * @param note        empty when the location was found as given; otherwise which level was used and why
 */
public record WaterLocation(Flow flow, String level, double awareFactor, String note) {
}
