package dev.cradle.scenario;

import dev.cradle.scenario.yaml.YamlNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The one place a measurement file a scenario references is opened: through the study's
 * {@link StudyFolder} (inside the scenario's folder or below an {@code --allow-root}, a regular file,
 * at most {@link StudyFolder#MAX_DATA_BYTES} bytes actually read). A refusal is reported at the YAML
 * node, never quoting the file.
 */
final class StudyFiles {
    private StudyFiles() {
    }

    static Optional<byte[]> read(ScenarioReader r, YamlNode at, String relative, String what) {
        try {
            return Optional.of(r.folder.read(relative));
        } catch (StudyFolder.RefusedFile e) {
            r.yaml.problem(at.position(), "cannot read " + what + " " + StudyFolder.shorten(relative) + ": " + e.getMessage());
        } catch (IOException | SecurityException e) {
            r.yaml.problem(at.position(), "cannot read " + what + " " + StudyFolder.shorten(relative) + ": "
                    + (e instanceof IOException io ? StudyFolder.reason(io) : "access denied"));
        }
        return Optional.empty();
    }
}
