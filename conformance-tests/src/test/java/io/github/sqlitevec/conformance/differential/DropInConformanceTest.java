package io.github.sqlitevec.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * {@code jdbc:sqlitevec:} is a drop-in for {@code jdbc:sqlite:}: every scenario is run through both
 * drivers on separate database files and must produce the same transcript. One dynamic test per
 * scenario; the deliberate differences are tests of their own, listed in {@link KnownDifferences}.
 */
@Timeout(300)
class DropInConformanceTest {

    @TempDir
    Path tempDir;

    static List<Scenario> allScenarios() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(ConversionScenarios.all());
        all.addAll(DateScenarios.all());
        all.addAll(SqlScenarios.all());
        all.addAll(TransactionScenarios.all());
        all.addAll(MetaDataScenarios.all());
        all.addAll(ConnectionOptionScenarios.all());
        all.addAll(ExtensionPointScenarios.all());
        all.addAll(ErrorScenarios.all());
        all.addAll(DropInFidelityScenarios.all());
        all.addAll(OpenDriverBugs.FIXED);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioBehavesTheSameOnBothDrivers() {
        List<Scenario> scenarios = allScenarios();
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Path dir = Files.createTempDirectory(tempDir, "scenario");
            DifferentialRunner.assertSameBehaviour(scenario, dir);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachKnownDifferenceIsExactlyAsDocumented() {
        return KnownDifferences.ALL.stream().map(difference -> DynamicTest.dynamicTest(difference.name(), () -> {
            Path dir = Files.createTempDirectory(tempDir, "difference");
            try (Session plain = new Session(Side.PLAIN, Files.createDirectories(dir.resolve("plain")), "");
                    Session ours = new Session(Side.OURS, Files.createDirectories(dir.resolve("ours")), "")) {
                difference.check().verify(plain.conn(), ours.conn());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachOpenDriverBugStillReproduces() {
        return OpenDriverBugs.ALL.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> {
            Path dir = Files.createTempDirectory(tempDir, "bug");
            assertThrows(AssertionFailedError.class, () -> DifferentialRunner.assertSameBehaviour(scenario, dir),
                    "'" + scenario.name() + "' no longer reproduces: move the scenario from OpenDriverBugs into its catalog");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachUnmetDifferenceIsStillUnmet() {
        return OpenDriverBugs.UNMET_DIFFERENCES.stream().map(difference -> DynamicTest.dynamicTest(difference.name(), () -> {
            Path dir = Files.createTempDirectory(tempDir, "unmet");
            try (Session plain = new Session(Side.PLAIN, Files.createDirectories(dir.resolve("plain")), "");
                    Session ours = new Session(Side.OURS, Files.createDirectories(dir.resolve("ours")), "")) {
                assertThrows(AssertionFailedError.class, () -> difference.check().verify(plain.conn(), ours.conn()),
                        "'" + difference.name() + "' now holds: move it from OpenDriverBugs to KnownDifferences");
            }
        }));
    }

    @Test
    void scenarioNamesAreUniqueSoFailuresPointAtOneScenario() {
        Set<String> seen = new HashSet<>();
        for (Scenario scenario : allScenarios()) {
            assertTrue(seen.add(scenario.name()), "duplicate scenario name: " + scenario.name());
        }
        assertTrue(seen.size() >= 200, "the drop-in suite is meant to cover at least 200 behaviours, has " + seen.size());
    }
}
