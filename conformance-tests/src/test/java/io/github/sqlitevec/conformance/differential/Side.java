package io.github.sqlitevec.conformance.differential;

/** The two drivers under comparison, told apart only by the URL prefix. */
enum Side {
    /** Plain org.xerial sqlite-jdbc: the reference behaviour. */
    PLAIN("jdbc:sqlite:"),
    /** Our driver, which must behave the same except where {@link KnownDifferences} says otherwise. */
    OURS("jdbc:sqlitevec:");

    final String prefix;

    Side(String prefix) {
        this.prefix = prefix;
    }
}
