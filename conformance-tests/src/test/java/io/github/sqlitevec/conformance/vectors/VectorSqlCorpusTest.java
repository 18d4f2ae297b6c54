package io.github.sqlitevec.conformance.vectors;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector SQL corpus: every sqlite-vec 0.1.9 SQL function and vec0 feature, run through
 * {@code jdbc:sqlitevec:} against one real database file, each case checked against our own
 * Java computation ({@link ExactVectorMath}, {@link ExactKnn}) — never against sqlite-vec's
 * own output. One dynamic test per case.
 */
class VectorSqlCorpusTest {
    @TempDir
    static Path dir;
    static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("corpus.db"));
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @TestFactory
    Stream<DynamicNode> everyCaseMatchesTheOracle() {
        List<DynamicNode> groups = new ArrayList<>();
        int total = 0;
        for (Group group : List.of(
                new Group("scalar functions", ScalarFunctionCases.all()),
                new Group("vec0 tables", Vec0TableCases.all()),
                new Group("knn", KnnCases.all()),
                new Group("errors", ErrorCases.all()))) {
            total += group.cases.size();
            System.out.println("vector SQL corpus: " + group.cases.size() + " cases for " + group.name);
            groups.add(DynamicContainer.dynamicContainer(group.name, group.cases.stream().map(
                    c -> DynamicTest.dynamicTest(c.name(), () -> c.check().run(connection)))));
        }
        System.out.println("vector SQL corpus: " + total + " cases in all");
        return groups.stream();
    }

    private record Group(String name, List<CorpusCase> cases) {}
}
