package io.github.sqlitevec.conformance.vectors;

import java.sql.Connection;

/**
 * One entry of the vector SQL corpus: a sentence that names what it proves, and the check
 * itself, run against a live {@code jdbc:sqlitevec:} connection.
 */
record CorpusCase(String name, Check check) {

    /** The body of a case; it fails by throwing (usually an assertion error). */
    @FunctionalInterface
    interface Check {
        void run(Connection connection) throws Exception;
    }
}
