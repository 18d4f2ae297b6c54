package io.github.sqlitevec.migrate;

/**
 * A problem the user can fix (bad arguments, an unreadable source, a target that is not ready,
 * values that do not fit): the message says what and how; the tool prints it without a stack
 * trace and exits with {@link #exitCode()}.
 */
final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code for bad input: arguments, source, target or data. */
    static final int BAD_INPUT = 2;

    MigrationException(String message) {
        super(message);
    }

    MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    int exitCode() {
        return BAD_INPUT;
    }
}
