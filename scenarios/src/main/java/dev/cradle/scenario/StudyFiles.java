package dev.cradle.scenario;

import dev.cradle.scenario.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place a scenario's referenced data file is opened: the path must lie inside the scenario's
 * folder (after resolving {@code ..} and symbolic links), name a regular file, and is read up to
 * {@link CodeCarbonReader#MAX_BYTES} bytes actually read (a device or a pipe reports size 0). Problems
 * are reported at the YAML node without quoting the file.
 */
final class StudyFiles {
    private StudyFiles() {
    }

    static Optional<byte[]> read(ScenarioReader r, YamlNode at, String relative, String what) {
        Path folder = r.doc.file().toAbsolutePath().getParent().normalize();
        Path file;
        try {
            file = folder.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            r.problem(at.position(), what + " path is not a valid file name");
            return Optional.empty();
        }
        if (!file.startsWith(folder)) {
            r.problem(at.position(), what + " " + relative + " lies outside the scenario's folder " + folder
                    + ": Cradle reads only files inside the study's folder; copy the file there");
            return Optional.empty();
        }
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
                throw new NoSuchFileException(relative);
            }
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                r.problem(at.position(), what + " " + relative + " is a link to a file outside the scenario's folder: "
                        + "Cradle reads only files inside the study's folder");
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                r.problem(at.position(), what + " " + relative + " is not a regular file (a folder, a device or a pipe)");
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(CodeCarbonReader.MAX_BYTES + 1);
                if (bytes.length > CodeCarbonReader.MAX_BYTES) {
                    r.problem(at.position(), what + " " + relative + " is larger than " + (CodeCarbonReader.MAX_BYTES >> 20)
                            + " MiB: split it or filter it first");
                    return Optional.empty();
                }
                return Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            r.problem(at.position(), "cannot read " + what + " " + relative + ": no such file");
        } catch (IOException | SecurityException e) {
            r.problem(at.position(), "cannot read " + what + " " + relative + ": " + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
        }
        return Optional.empty();
    }
}
