package dev.cradle.model;

/**
 * What kind of flow: an elementary flow crosses the boundary between technosphere and
 * environment (emissions, resources); a product or waste flow links processes.
 */
public enum FlowType {
    ELEMENTARY, PRODUCT, WASTE
}
