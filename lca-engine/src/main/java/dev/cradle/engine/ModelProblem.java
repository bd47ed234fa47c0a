package dev.cradle.engine;

/**
 * One thing wrong with a product system, located by a path the scenario layer can map back to a
 * file position.
 *
 * <p>Paths: {@code process:<id>}, {@code process:<id>/exchange:<i>} (0-based),
 * {@code process:<id>/parameter:<name>}, {@code process:<id>/allocation:<i>}, {@code parameter:<name>},
 * {@code functional_unit}, {@code method:<id>/category:<id>/factor:<i>}, {@code system}.
 *
 * @param path    where the problem is
 * @param column  1-based column inside a formula, or 0 when the problem is the whole element
 * @param message what is wrong and, where possible, what would be right
 */
public record ModelProblem(String path, int column, String message) {
    public static ModelProblem at(String path, String message) {
        return new ModelProblem(path, 0, message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
