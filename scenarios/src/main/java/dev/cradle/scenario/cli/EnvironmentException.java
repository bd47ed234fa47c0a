package dev.cradle.scenario.cli;

/**
 * A mistake in the command line or the environment (no scenario file named, an output folder that is
 * a file or cannot be written): exit code 2, the message printed as it is, no stack trace.
 */
final class EnvironmentException extends RuntimeException {
    EnvironmentException(String message) {
        super(message, null, false, false);
    }
}
