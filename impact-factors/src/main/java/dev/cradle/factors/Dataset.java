package dev.cradle.factors;

/**
 * One bundled data file and its provenance: where the numbers come from, of which year, under which
 * licence, in which units, and how good they are.
 *
 * @param id          dataset id, e.g. {@code ember-2024-country-intensity}
 * @param kind        what it holds: lcia_methods, electricity_grid, transport, hardware, ...
 * @param file        resource path inside the library
 * @param shareAlike  true for CC BY-SA or ODbL data: redistributing it keeps that licence
 */
public record Dataset(String id, String kind, String title, String source, String citation, String url, int year,
                      String licence, String licenceNote, boolean shareAlike, String unit, String dataQuality,
                      String file) {

    /**
     * Licences the project may embed. "facts-cited" marks published figures re-keyed with a citation;
     * "public-domain-US-Gov" a work of the US Government (e.g. EPA's eGRID), free of copyright in the US.
     */
    public static final java.util.Set<String> ALLOWED_LICENCES = java.util.Set.of(
            "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODbL-1.0", "OGL-UK-3.0", "MIT", "Apache-2.0", "facts-cited",
            "public-domain-US-Gov");

    /** Licences that require the data file to be marked share-alike. */
    public static final java.util.Set<String> SHARE_ALIKE_LICENCES = java.util.Set.of("CC-BY-SA-4.0", "ODbL-1.0");
}
