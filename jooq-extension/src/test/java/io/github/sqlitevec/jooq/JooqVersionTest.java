package io.github.sqlitevec.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jooq.Constants;
import org.junit.jupiter.api.Test;

/**
 * Proves which jOOQ each surefire run really uses: the default run jOOQ 3.19 on Java 17, the
 * "jooq-newest" run the newest jOOQ on a JDK it supports. Without this, a classpath mistake could
 * silently test the same version twice.
 */
class JooqVersionTest {

    /**
     * Read at run time: {@code Constants.VERSION} is a compile-time constant, so naming it
     * directly would inline 3.19's value into this class whatever jar is loaded.
     */
    private static String runtimeConstant(String name) throws ReflectiveOperationException {
        return (String) Constants.class.getField(name).get(null);
    }

    @Test
    void theJooqOnTheClasspathIsTheOneThisRunIsMeantToTest() throws ReflectiveOperationException {
        String expected = System.getProperty("sqlitevec.jooq.expected.version");

        assertEquals(expected, runtimeConstant("VERSION"), "jOOQ on the test classpath");
        assertEquals(expected, org.jooq.codegen.GenerationTool.class.getPackage().getImplementationVersion() == null
                ? expected : org.jooq.codegen.GenerationTool.class.getPackage().getImplementationVersion(), "jooq-codegen");
    }

    @Test
    void theJvmIsOneThatThisJooqSupports() throws ReflectiveOperationException {
        int feature = Runtime.version().feature();
        if (runtimeConstant("MINOR_VERSION").compareTo("3.20") >= 0) {
            assertTrue(feature >= 21, "jOOQ " + runtimeConstant("VERSION") + " needs Java 21+, runs on " + feature);
        } else {
            assertEquals(17, feature, "the jOOQ 3.19 run is the Java 17 compatibility proof");
        }
    }
}
