package io.github.sqlitevec.conformance.differential;

import java.util.List;

/**
 * One JDBC behaviour, written once and run against both drivers: a name a reader can search for,
 * the URL options the connection is opened with, and a body that records what it observes in a
 * {@link Transcript}. If the body makes SQLite fail on purpose, {@code ourStates} lists the
 * SQLStates our driver must report for those failures, in order.
 */
record Scenario(String name, String urlOptions, Body body, List<String> ourStates) {

    /** What a scenario does with its connections; everything worth comparing goes into the transcript. */
    @FunctionalInterface
    interface Body {
        void run(Session session, Transcript transcript) throws Exception;
    }

    static Scenario of(String name, Body body) {
        return new Scenario(name, "", body, List.of());
    }

    /** The same scenario on a connection opened with {@code options}, e.g. {@code "?date_class=TEXT"}. */
    Scenario withUrl(String options) {
        return new Scenario(name, options, body, ourStates);
    }

    /** The SQLStates our driver must give the failures this scenario provokes, in order. */
    Scenario expectingStates(String... states) {
        return new Scenario(name, urlOptions, body, List.of(states));
    }

    @Override
    public String toString() {
        return name;
    }
}
