package dev.cradle.scenario;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.scenario.yaml.YamlNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads measured energy from a CodeCarbon {@code emissions.csv}: the sum of {@code energy_consumed}
 * (kWh, IT energy: CodeCarbon's PUE defaults to 1) and of {@code duration} (s) over its rows; the
 * device-hours are duration × the hardware's device count. {@code country_iso_code} and
 * {@code region} are read for the trace. Missing columns or bad numbers are errors at the scenario's
 * {@code codecarbon:} key, naming the CSV line.
 */
final class CodeCarbonReader {
    static final List<String> REQUIRED = List.of("energy_consumed", "duration", "country_iso_code", "region");

    private CodeCarbonReader() {
    }

    static Optional<Declarations.Energy> read(ScenarioReader r, YamlNode at, String relative, int devices) {
        try (Reader in = new java.io.InputStreamReader(r.folder.open(relative), StandardCharsets.UTF_8.newDecoder());
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                     .parse(in)) {
            List<String> missing = new ArrayList<>();
            for (String c : REQUIRED) {
                if (!csv.getHeaderMap().containsKey(c)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                r.problem(at.position(), "CodeCarbon file " + relative + " lacks the column(s) " + String.join(", ", missing)
                        + " (its first line is not a CodeCarbon header; the file is not quoted here)");
                return Optional.empty();
            }
            double kwh = 0;
            double seconds = 0;
            Set<String> places = new LinkedHashSet<>();
            int rows = 0;
            for (CSVRecord rec : csv) {
                rows++;
                try {
                    double e = Double.parseDouble(rec.get("energy_consumed"));
                    double d = Double.parseDouble(rec.get("duration"));
                    if (!(e >= 0) || !(d >= 0) || Double.isInfinite(e) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                    kwh += e;
                    seconds += d;
                } catch (IllegalArgumentException ex) {
                    r.problem(at.position(), "CodeCarbon file " + relative + " line " + (rec.getRecordNumber() + 1)
                            + ": energy_consumed and duration must be non-negative numbers");
                    return Optional.empty();
                }
                places.add(rec.get("country_iso_code") + (rec.get("region").isEmpty() ? "" : "/" + rec.get("region")));
            }
            if (rows == 0) {
                r.problem(at.position(), "CodeCarbon file " + relative + " has no rows");
                return Optional.empty();
            }
            return Optional.of(new Declarations.Measured(kwh, seconds / 3600 * devices, "CodeCarbon " + relative + ", "
                    + rows + " row(s), " + String.join(", ", places)));
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            r.problem(at.position(), "cannot read CodeCarbon file " + relative + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()));
            return Optional.empty();
        }
    }
}
