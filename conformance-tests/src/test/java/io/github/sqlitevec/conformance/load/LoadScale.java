package io.github.sqlitevec.conformance.load;

/**
 * How much work the load and fault tests do. The default run stays short enough for every CI
 * build; the {@code soak} Maven profile sets {@code -Dconformance.soak.factor=N} to multiply
 * transactions, kill rounds and rows (see conformance-tests/README.md, "Load and soak").
 */
final class LoadScale {
    static final String PROPERTY = "conformance.soak.factor";

    private LoadScale() {}

    static int factor() {
        String value = System.getProperty(PROPERTY, "1");
        try {
            int factor = Integer.parseInt(value.trim());
            if (factor < 1) {
                throw new NumberFormatException();
            }
            return factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive integer, got '" + value + "'", e);
        }
    }

    static int scaled(int base) {
        return base * factor();
    }
}
