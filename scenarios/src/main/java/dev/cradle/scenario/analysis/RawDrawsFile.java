package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.UncertainParameter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Every Monte Carlo draw to a CSV file, streamed as the draws are merged (in draw order, whatever the number of
 * threads): a header {@code draw,<parameter>...,<output name>...} (output names {@link OutputKey#name()}), then one
 * row per draw, numbers in Java's shortest round-trip form ({@link Double#toString}), so a value read back is the
 * exact double. The rows go to a temporary file beside the target, moved into place only when the run completed:
 * a failed run leaves nothing half-written (and an existing file untouched).
 */
final class RawDrawsFile {
    private RawDrawsFile() {
    }

    static MonteCarlo.Result write(Path target, List<UncertainParameter> parameters, List<OutputKey> outputs,
                                   Function<MonteCarlo.RawDraws, MonteCarlo.Result> run) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            MonteCarlo.Result result;
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                StringBuilder header = new StringBuilder("draw");
                for (UncertainParameter p : parameters) {
                    header.append(',').append(quote(p.name()));
                }
                for (OutputKey o : outputs) {
                    header.append(',').append(quote(o.name()));
                }
                w.write(header.append('\n').toString());
                StringBuilder row = new StringBuilder(256);
                result = run.apply((draw, values, out) -> {
                    row.setLength(0);
                    row.append(draw);
                    for (double v : values) {
                        row.append(',').append(v);
                    }
                    for (double v : out) {
                        row.append(',').append(v);
                    }
                    row.append('\n');
                    try {
                        w.append(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raw draws to " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure that brought us here is the one to report
                }
            }
        }
    }

    /** RFC 4180: a field with a comma, quote or line break in double quotes, quotes doubled. */
    /**
     * Where the market-based draws of a study with contracts go: beside {@code target}, {@code .market} before its
     * extension ({@code draws.csv} → {@code draws.market.csv}).
     */
    static Path market(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String marketName = dot > 0 ? name.substring(0, dot) + ".market" + name.substring(dot) : name + ".market";
        return target.resolveSibling(marketName);
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
