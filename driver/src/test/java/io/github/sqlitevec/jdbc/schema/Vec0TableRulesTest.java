package io.github.sqlitevec.jdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model's rules are sqlite-vec 0.1.9's: every declaration below is given both to the real
 * extension and to {@link Vec0Table#parse}, and both must accept it or both reject it.
 */
class Vec0TableRulesTest {

    private static Connection connection;
    private static int tables;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlitevec::memory:");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Declarations both sides accept. */
    private static final List<String> ACCEPTED = List.of(
            "v float[4]", "v float32[4]", "v FLOAT[4]", "v float [ 4 ]", "v int8[4]", "v bit[8]", "v float[8192]", "v bit[8192]",
            "v float[4] distance_metric=l1", "v float[4] distance_metric=L2", "v int8[4] distance_metric=cosine",
            "v float[4] distance_metric = cosine",
            "id integer primary key, v float[4]", "id int primary key, v float[4]", "id text primary key, v float[4]",
            "v float[4], id INTEGER PRIMARY KEY", "v float[4], c text primary key",
            "v float[4], c integer", "v float[4], c int", "v float[4], c float", "v float[4], c double", "v float[4], c text",
            "v float[4], c boolean", "v float[4], c bool",
            "v float[4], c integer partition key", "v float[4], c int partition key", "v float[4], c text partition key",
            "v float[4], c boolean partition key",
            "v float[4], +c integer", "v float[4], +c float", "v float[4], +c text", "v float[4], +c blob", "v float[4], +c int",
            "v float[4], chunk_size=8", "v float[4], chunk_size=4096", "v float[4], x_1 text", "v float[4], X1 text",
            "v float[4], v2 bit[16], v3 int8[2] distance_metric=l1",
            "id text primary key, v float[4], m text, p integer partition key, +a text, chunk_size=256",
            repeat("v%d float[4]", Vec0Table.MAX_VECTOR_COLUMNS),
            "v float[4], " + repeat("m%d integer", Vec0Table.MAX_METADATA_COLUMNS),
            "v float[4], " + repeat("+a%d text", Vec0Table.MAX_AUXILIARY_COLUMNS),
            "v float[4], " + repeat("p%d text partition key", Vec0Table.MAX_PARTITION_KEYS));

    /** Declarations both sides reject. */
    private static final List<String> REJECTED = List.of(
            "c text", "v float[0]", "v float[8193]", "v int8[8193]", "v bit[8200]", "v float[4] distance_metric=hamming",
            "v bit[8] distance_metric=hamming", "v bit[8] distance_metric=cosine", "v float[4] distance_metric=dot",
            "\"v\" float[4]", "`v` float[4]", "v float[4], _x text", "v float[4], a-b text",
            "id bigint primary key, v float[4]", "id float primary key, v float[4]", "id blob primary key, v float[4]",
            "id integer primary key, id2 text primary key, v float[4]",
            "v float[4], c bigint", "v float[4], c real", "v float[4], c varchar", "v float[4], c blob",
            "v float[4], c float partition key", "v float[4], c blob partition key",
            "v float[4], +c", "v float[4], +c boolean", "v float[4], +c varchar",
            "v float[4], chunk_size=4", "v float[4], chunk_size=12", "v float[4], chunk_size=4104", "v float[4], chunk_size=8192",
            "v float[4], distance float", "v float[4], k integer", "v float[4], rowid integer", "v float[4], v float[4]",
            "v float[4], V integer",
            repeat("v%d float[4]", Vec0Table.MAX_VECTOR_COLUMNS + 1),
            "v float[4], " + repeat("m%d integer", Vec0Table.MAX_METADATA_COLUMNS + 1),
            "v float[4], " + repeat("+a%d text", Vec0Table.MAX_AUXILIARY_COLUMNS + 1),
            "v float[4], " + repeat("p%d text partition key", Vec0Table.MAX_PARTITION_KEYS + 1));

    /**
     * Declarations sqlite-vec 0.1.9 accepts but the model refuses on purpose: a bit column whose
     * dimensions are no multiple of 8 takes no vector at all (every blob has 8·n bits), and
     * {@code double partition key} is accepted only because {@code float partition key} is read as
     * a vector column — floating-point partitions are not a supported feature.
     */
    private static final List<String> STRICTER = List.of("v bit[4]", "v float[4], c double partition key");

    @Test
    void theModelAcceptsExactlyWhatSqliteVecAccepts() {
        List<String> disagreements = new ArrayList<>();
        for (String declaration : ACCEPTED) {
            check(declaration, true, true, disagreements);
        }
        for (String declaration : REJECTED) {
            check(declaration, false, false, disagreements);
        }
        for (String declaration : STRICTER) {
            check(declaration, true, false, disagreements);
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    @Test
    void everyAcceptedTableRendersToSqlThatSqliteVecAcceptsAndParsesBackEqual() throws SQLException {
        for (String declaration : ACCEPTED) {
            Vec0Table table = Vec0Table.parse("create virtual table t using vec0(" + declaration + ")");
            Vec0Table renamed = Vec0Table.parse(table.sqliteCreateStatement().replaceFirst(" t ", " r" + (++tables) + " "));
            try (Statement s = connection.createStatement()) {
                s.execute(renamed.sqliteCreateStatement());
            }
            assertEquals(table.columns(), renamed.columns(), declaration);
            assertEquals(table.chunkSize(), renamed.chunkSize(), declaration);
        }
    }

    @Test
    void stepsRejectMistakesWithTheFix() {
        Vec0Table docs = Vec0Table.named("docs");
        assertMessage(() -> docs.vector("v", VectorElementType.BIT, 12), "multiple of 8", "e.g. 16");
        assertMessage(() -> docs.vector("v", VectorElementType.FLOAT32, 4, DistanceMetric.HAMMING), "BIT column");
        assertMessage(() -> docs.vector("v", VectorElementType.BIT, 8, DistanceMetric.COSINE), "remove distance_metric=cosine");
        assertMessage(() -> docs.primaryKey("id", ScalarType.FLOAT), "float", "integer, text");
        assertMessage(() -> docs.metadata("payload", ScalarType.BLOB), "blob", "integer, float, text, boolean");
        assertMessage(() -> docs.partitionKey("score", ScalarType.FLOAT), "integer, text, boolean");
        assertMessage(() -> docs.auxiliary("flag", ScalarType.BOOLEAN), "integer, float, text, blob");
        assertMessage(() -> docs.metadata("distance", ScalarType.TEXT), "taken by vec0");
        assertMessage(() -> docs.metadata("_x", ScalarType.TEXT), "no leading underscore");
        assertMessage(() -> docs.metadata("a", ScalarType.TEXT).metadata("A", ScalarType.INTEGER), "already has a column named a");
        assertMessage(() -> docs.primaryKey("a", ScalarType.TEXT).primaryKey("b", ScalarType.TEXT), "already has the primary key a");
        assertMessage(() -> docs.chunkSize(4104), "multiple of 8 from 8 to 4096");
        assertMessage(docs::sqliteCreateStatement, "has no vector column");
        assertMessage(() -> Vec0Table.named("my docs"), "not a plain identifier");
        assertMessage(() -> Vec0Table.parse("create table docs (id integer)"), "not a create virtual table");
        assertMessage(() -> Vec0Table.parse("create virtual table d using vec0(v float[4], c varchar)"), "unknown column type varchar");
        assertMessage(() -> Vec0Table.parse("create virtual table d using vec0(v float[4] distance_metric=dot)"), "unknown distance_metric dot");
    }

    @Test
    void parseReadsWhatSqliteMasterHolds() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS \"Quoted\" USING vec0(Id TEXT PRIMARY KEY, Emb float32[8] distance_metric=COSINE,"
                    + " flag bool, +body text, chunk_size=64)");
            try (java.sql.ResultSet rs = s.executeQuery("select sql from sqlite_master where name = 'Quoted'")) {
                rs.next();
                Vec0Table table = Vec0Table.parse(rs.getString(1));
                assertEquals("create virtual table Quoted using vec0(Id text primary key, Emb float[8] distance_metric=cosine, flag boolean, "
                        + "+body text, chunk_size=64)", table.sqliteCreateStatement());
                assertEquals(DistanceMetric.COSINE, table.column("emb").metric());
                assertEquals(Vec0Column.Kind.AUXILIARY, table.column("body").kind());
            }
        }
    }

    private static void check(String declaration, boolean sqliteShouldAccept, boolean modelShouldAccept, List<String> disagreements) {
        String sql = "create virtual table c" + (++tables) + " using vec0(" + declaration + ")";
        boolean sqliteAccepts;
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            sqliteAccepts = true;
        } catch (SQLException e) {
            sqliteAccepts = false;
        }
        boolean modelAccepts;
        String modelError = "";
        try {
            Vec0Table.parse(sql);
            modelAccepts = true;
        } catch (IllegalArgumentException e) {
            modelAccepts = false;
            modelError = e.getMessage();
        }
        if (sqliteAccepts != sqliteShouldAccept || modelAccepts != modelShouldAccept) {
            disagreements.add(declaration + ": sqlite-vec " + (sqliteAccepts ? "accepts" : "rejects") + ", model "
                    + (modelAccepts ? "accepts" : "rejects: " + modelError));
        }
    }

    private static void assertMessage(Runnable step, String... fragments) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            for (String fragment : fragments) {
                assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
            }
            return;
        }
        fail("expected an IllegalArgumentException containing " + List.of(fragments));
    }

    private static String repeat(String format, int times) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            parts.add(String.format(format, i));
        }
        return String.join(", ", parts);
    }
}
